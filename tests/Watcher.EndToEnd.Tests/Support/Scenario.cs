using Watcher.EndToEnd.Tests.Rules;
using Watcher.Simulator;

namespace Watcher.EndToEnd.Tests.Support;

/// <summary>
/// The scenario built for the end-to-end tests: a simulator with one organization watched by job ID and one
/// by discovery, a real Watcher process against it, and a real Prometheus scraping Watcher (directly, and in
/// the text format through <see cref="TextFormatProxy"/>) and evaluating the chart's alert rules.
/// </summary>
internal sealed class Scenario : IAsyncDisposable
{
    public const string Listed = "m-00000000000000000000000000e2e001";
    public const string Discovered = "m-00000000000000000000000000e2e002";
    public const string TextJob = "watcher-text";

    private Scenario(WorkMailSimulator simulator, WatcherServer watcher, TextFormatProxy proxy, PrometheusServer prometheus)
    {
        Simulator = simulator;
        Watcher = watcher;
        Proxy = proxy;
        Prometheus = prometheus;
    }

    public WorkMailSimulator Simulator { get; }

    public WatcherServer Watcher { get; }

    public TextFormatProxy Proxy { get; }

    public PrometheusServer Prometheus { get; }

    public static string[] ListedJobs { get; } = ["steady", "stalls", "fails-soon", "done", "missing"];

    public static async Task<Scenario> StartAsync(Action<WorkMailSimulator>? beforeWatcher = null)
    {
        var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        simulator.Store.AddOrganization(Listed, "legal");
        simulator.Store.AddOrganization(Discovered, "offboarding");

        // Progress moves by 1 % every 12 s, so it changes between any two polls 20 s apart.
        simulator.Store.AddJob(Listed, new SimulatedJob { JobId = "steady", Description = "steady export", StartOffset = TimeSpan.FromMinutes(-1), Duration = TimeSpan.FromMinutes(20), Outcome = SimulatedOutcome.RunForever });
        simulator.Store.AddJob(Listed, new SimulatedJob { JobId = "stalls", Description = "stuck export", StartOffset = TimeSpan.FromMinutes(-2), Duration = TimeSpan.FromMinutes(20), Outcome = SimulatedOutcome.RunForever });
        simulator.Store.HoldProgress(Listed, "stalls", hold: true);
        simulator.Store.AddJob(Listed, new SimulatedJob { JobId = "fails-soon", Description = "doomed export", StartOffset = TimeSpan.FromMinutes(-1), Duration = TimeSpan.FromMinutes(2), Outcome = SimulatedOutcome.Fail, OutcomeAtProgress = 60, ErrorInfo = "Access denied to the S3 bucket" });

        // Held until Watcher has seen it running, however long Watcher takes to start on a busy machine: then it
        // fails 12 s later, and its RUNNING -> FAILED transition is one Watcher sees.
        simulator.Store.HoldProgress(Listed, "fails-soon", hold: true);
        simulator.Store.AddJob(Listed, new SimulatedJob { JobId = "done", Description = "finished export", StartOffset = TimeSpan.FromHours(-3), Duration = TimeSpan.FromMinutes(30) });
        foreach (var i in Enumerable.Range(0, 5))
        {
            simulator.Store.AddJob(Discovered, new SimulatedJob { JobId = $"offboard-{i}", StartOffset = TimeSpan.FromMinutes(-10 * (i + 1)), Duration = TimeSpan.FromMinutes(20 + (10 * i)) });
        }

        beforeWatcher?.Invoke(simulator);
        var watcher = await WatcherServer.StartAsync(Settings(simulator, ListedJobs), new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = simulator.Credentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = simulator.Credentials.SecretAccessKey,
        });
        simulator.Store.HoldProgress(Listed, "fails-soon", hold: false);
        var proxy = await TextFormatProxy.StartAsync(watcher.Address);
        var rules = AlertRules.ShortenFor(AlertRules.Render(), "2s");
        var prometheus = await PrometheusServer.StartAsync(PrometheusConfig(watcher, proxy), rules);
        var environment = new Scenario(simulator, watcher, proxy, prometheus);
        await prometheus.WaitForDataAsync($"up{{job=\"{AlertRules.Job}\"}} == 1", TimeSpan.FromSeconds(30));
        return environment;
    }

    public static object Settings(WorkMailSimulator simulator, IEnumerable<string> listedJobs) => new
    {
        Aws = new { Region = simulator.Region, ServiceUrl = simulator.ServiceUrl.ToString() },
        PollInterval = "00:00:10",
        Jobs = listedJobs.Select(id => new { OrganizationId = Listed, JobId = id }).ToArray(),
        Organizations = new[] { new { OrganizationId = Discovered, Alias = "offboarding" } },
    };

    public async ValueTask DisposeAsync()
    {
        await Prometheus.DisposeAsync();
        await Proxy.DisposeAsync();
        await Watcher.DisposeAsync();
        await Simulator.DisposeAsync();
    }

    private static string PrometheusConfig(WatcherServer watcher, TextFormatProxy proxy) => $$"""
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        rule_files:
          - rules.yml
        scrape_configs:
          - job_name: {{AlertRules.Job}}
            static_configs:
              - targets: ["127.0.0.1:{{watcher.Port}}"]
          # The same target in the text format. Its samples are parsed, counted, then dropped, so they
          # do not double every series the alerts and dashboards see.
          - job_name: {{TextJob}}
            static_configs:
              - targets: ["{{proxy.Address.Authority}}"]
            metric_relabel_configs:
              - source_labels: [__name__]
                regex: .+
                action: drop
        """;
}
