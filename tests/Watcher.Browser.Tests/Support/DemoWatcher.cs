using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Watcher.Demo;
using Watcher.Simulator;
using Watcher.Web;

namespace Watcher.Browser.Tests.Support;

/// <summary>
/// The real Watcher app on Kestrel (a free loopback port) in demo mode: the in-process simulator with the demo
/// scenario, plus one more listed job whose description and ErrorInfo carry markup that would run if it were
/// not escaped.
/// </summary>
internal sealed class DemoWatcher : IAsyncDisposable
{
    public const string HostileJobId = "0e0e0e0e-4bad-4bad-8bad-0e0e0e0e0e0e";

    /// <summary>Sets window.__pwned if it ever runs; shown as text it reads exactly like this.</summary>
    public const string HostileDescription = "<script>window.__pwned = 'description'</script><img src=x onerror=\"window.__pwned = 'img'\">Hostile export";

    public const string HostileErrorInfo = "<script>window.__pwned = 'error'</script>Access denied";

    private readonly WebApplication _app;
    private readonly string _folder;

    private DemoWatcher(WebApplication app, string folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="pollInterval">
    /// Long, so that after the first polls nothing changes while the test compares the page with the store.
    /// </param>
    public static async Task<DemoWatcher> StartAsync(TimeSpan pollInterval)
    {
        // An empty content root keeps the repository's appsettings.json out: the demo configures everything.
        var folder = Directory.CreateTempSubdirectory("watcher-browser-").FullName;
        var builder = WatcherHost.CreateBuilder([], folder);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var simulator = await builder.AddDemoSimulatorAsync();

        simulator.Store.AddJob(DemoScenario.LegalOrganizationId, new SimulatedJob
        {
            JobId = HostileJobId,
            Description = HostileDescription,
            StartOffset = TimeSpan.FromMinutes(-10),
            Duration = TimeSpan.FromMinutes(20),
            Outcome = SimulatedOutcome.Fail,
            OutcomeAtProgress = 20,
            ErrorInfo = HostileErrorInfo,
        });
        var next = builder.Configuration.GetSection("Watcher:Jobs").GetChildren().Count();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Watcher:Jobs:{next}:OrganizationId"] = DemoScenario.LegalOrganizationId,
            [$"Watcher:Jobs:{next}:JobId"] = HostileJobId,
            ["Watcher:PollInterval"] = pollInterval.ToString("c", CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });

        builder.AddWatcher();
        var app = builder.Build();
        app.MapWatcherEndpoints();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new DemoWatcher(app, folder, new Uri(address));
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
}
