using System.Globalization;
using Microsoft.Extensions.Configuration;
using Watcher.Demo;
using Watcher.Simulator;
using Watcher.Testing.Hosting;

namespace Watcher.Browser.Tests.Support;

/// <summary>
/// The real Watcher app (a <see cref="WatcherTestHost"/>) in demo mode: the in-process simulator with the demo
/// scenario, plus one more listed job whose description and ErrorInfo carry markup that would run if it were
/// not escaped.
/// </summary>
internal static class DemoWatcher
{
    public const string HostileJobId = "0e0e0e0e-4bad-4bad-8bad-0e0e0e0e0e0e";

    /// <summary>Sets window.__pwned if it ever runs; shown as text it reads exactly like this.</summary>
    public const string HostileDescription = "<script>window.__pwned = 'description'</script><img src=x onerror=\"window.__pwned = 'img'\">Hostile export";

    public const string HostileErrorInfo = "<script>window.__pwned = 'error'</script>Access denied";

    /// <param name="pollInterval">
    /// Long, so that after the first polls nothing changes while the test compares the page with the store.
    /// </param>
    public static Task<WatcherTestHost> StartAsync(TimeSpan pollInterval) => WatcherTestHost.StartAsync(new WatcherTestHostOptions
    {
        // No settings file: the demo configures everything.
        ConfigureAsync = async builder =>
        {
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
        },
    });
}
