using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Watcher.Simulator;
using Watcher.Web;
using Watcher.WorkMail;

namespace Watcher.Tests.Support;

/// <summary>
/// The real Watcher app on Kestrel, on a free loopback port, reading appsettings.json from a folder of the
/// test's own so that the test can rewrite it, and pointed at a simulator.
/// </summary>
internal sealed class WatcherTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private WatcherTestHost(WebApplication app, string folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<WatcherTestHost> StartAsync(WorkMailSimulator simulator, object watcherSection, Action<WebApplicationBuilder>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("watcher-host-").FullName;
        await WriteSettingsAsync(folder, watcherSection);

        var builder = WatcherHost.CreateBuilder([], folder);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(new WorkMailStaticCredentials(simulator.Credentials.AccessKeyId, simulator.Credentials.SecretAccessKey));
        configure?.Invoke(builder);
        builder.AddWatcher();
        var app = builder.Build();
        app.MapWatcherEndpoints();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new WatcherTestHost(app, folder, new Uri(address));
    }

    public Task RewriteSettingsAsync(object watcherSection) => WriteSettingsAsync(_folder, watcherSection);

    public async Task<PrometheusText> ScrapeAsync()
    {
        var text = await Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        return PrometheusText.Parse(text);
    }

    /// <summary>Scrapes until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/>.</summary>
    public async Task<PrometheusText> ScrapeUntilAsync(Func<PrometheusText, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var scrape = await ScrapeAsync();
            if (condition(scrape))
            {
                return scrape;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout} waiting for {what}.");
            }

            await Task.Delay(200);
        }
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await Client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode != System.Net.HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, $"/readyz did not turn ready within {timeout}.");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task WriteSettingsAsync(string folder, object watcherSection)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Logging"] = new { LogLevel = new { Default = "Warning" } },
            ["Watcher"] = watcherSection,
        });

        // Write then rename, as a ConfigMap update does, so the watcher never reads half a file.
        var temp = Path.Combine(folder, "appsettings.json.tmp");
        await File.WriteAllTextAsync(temp, json);
        File.Move(temp, Path.Combine(folder, "appsettings.json"), overwrite: true);
    }
}
