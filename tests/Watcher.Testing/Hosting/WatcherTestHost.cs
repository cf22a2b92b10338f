using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Watcher.Simulator;
using Watcher.Testing.Prometheus;
using Watcher.Testing.Time;
using Watcher.Testing.Waiting;
using Watcher.Web;
using Watcher.WorkMail;

namespace Watcher.Testing.Hosting;

/// <summary>
/// The real Watcher app on Kestrel, on a free loopback port, with a content root of its own (so a test can
/// rewrite its appsettings.json), optionally on <see cref="SimulatedTime"/>.
/// </summary>
public sealed class WatcherTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;
    private readonly ReloadLog _reloads;

    private WatcherTestHost(WebApplication app, string folder, ReloadLog reloads, Uri address, SimulatedTime? time)
    {
        _app = app;
        _folder = folder;
        _reloads = reloads;
        Address = address;
        Time = time;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The clock the app runs on, or null for the system's.</summary>
    public SimulatedTime? Time { get; }

    /// <summary>The app reading <paramref name="watcherSection"/> from its appsettings.json, pointed at <paramref name="simulator"/>.</summary>
    public static Task<WatcherTestHost> StartAsync(WorkMailSimulator simulator, object watcherSection, Action<WebApplicationBuilder>? configure = null, SimulatedTime? time = null)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        return StartAsync(new WatcherTestHostOptions
        {
            WatcherSection = watcherSection,
            Time = time,
            ConfigureAsync = builder =>
            {
                builder.Services.AddSingleton(new WorkMailStaticCredentials(simulator.Credentials.AccessKeyId, simulator.Credentials.SecretAccessKey));
                configure?.Invoke(builder);
                return Task.CompletedTask;
            },
        });
    }

    public static async Task<WatcherTestHost> StartAsync(WatcherTestHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = Directory.CreateTempSubdirectory("watcher-host-").FullName;
        if (options.WatcherSection is { } section)
        {
            await SettingsFile.WriteAsync(folder, section);
        }

        var builder = WatcherHost.CreateBuilder([], folder);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (options.Time is { } time)
        {
            // Quartz takes the clock registered when Watcher's services are added; the app's services resolve the
            // one registered last, which tracks the timers they wait on.
            builder.Services.AddSingleton<TimeProvider>(time.Clock);
        }

        if (options.ConfigureAsync is { } configure)
        {
            await configure(builder);
        }

        // After the test's own logging, which may have cleared the providers.
        var reloads = new ReloadLog();
        builder.Logging.AddProvider(reloads);
        builder.Logging.AddFilter<ReloadLog>(ReloadLog.Category, LogLevel.Information);

        builder.AddWatcher();
        if (options.Time is { } appTime)
        {
            builder.Services.AddSingleton(appTime.AppClock);
        }

        var app = builder.Build();
        app.MapWatcherEndpoints();
        await app.StartAsync();
        options.Time?.Attach(await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler());

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new WatcherTestHost(app, folder, reloads, new Uri(address), options.Time);
    }

    /// <summary>The folder of the host's appsettings.json.</summary>
    public string ContentRoot => _folder;

    /// <summary>Rewrites appsettings.json and returns once Watcher has applied (true) or rejected (false) it.</summary>
    public Task<bool> RewriteSettingsAsync(object watcherSection) => RewriteSettingsTextAsync(SettingsFile.Render(watcherSection));

    /// <summary>As <see cref="RewriteSettingsAsync"/>, with the file's whole text, written as <see cref="SettingsFile.WriteTextAsync"/> does.</summary>
    public async Task<bool> RewriteSettingsTextAsync(string text, bool inPlace = false)
    {
        var (applied, rejected) = (_reloads.Applied, _reloads.Rejected);
        await SettingsFile.WriteTextAsync(_folder, text, inPlace);
        await Wait.UntilAsync(() => _reloads.Applied > applied || _reloads.Rejected > rejected, _reloads.Changed, TimeSpan.FromSeconds(30), () => "the rewritten settings to be applied or rejected");
        return _reloads.Applied > applied;
    }

    public async Task<PrometheusText> ScrapeAsync()
    {
        var text = await Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        return PrometheusText.Parse(text);
    }

    /// <summary>
    /// Scrapes until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/>: simulated time
    /// when the host has <see cref="Time"/>, whose polls then run step by step; real time otherwise.
    /// </summary>
    public Task<PrometheusText> ScrapeUntilAsync(Func<PrometheusText, bool> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        async Task<PrometheusText?> ProbeAsync() => await ScrapeAsync() is var scrape && condition(scrape) ? scrape : null;
        return Time is { } time
            ? time.AdvanceUntilAsync(ProbeAsync, timeout, () => what)
            : Wait.ForAsync(ProbeAsync, timeout, () => what, TimeSpan.FromMilliseconds(200));
    }

    /// <summary>Waits until <c>/readyz</c> answers 200: every job and organization of the start has been polled once.</summary>
    public Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        async Task<string?> ProbeAsync()
        {
            using var response = await Client.GetAsync(new Uri("/readyz", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK ? string.Empty : null;
        }

        return Time is { } time
            ? time.AdvanceUntilAsync(ProbeAsync, timeout, () => "/readyz to turn ready")
            : Wait.ForAsync(ProbeAsync, timeout, () => "/readyz to turn ready");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
