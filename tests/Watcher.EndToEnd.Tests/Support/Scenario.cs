using Watcher.EndToEnd.Tests.Rules;
using Watcher.Simulator;

namespace Watcher.EndToEnd.Tests.Support;

/// <summary>
/// The scenario built for the end-to-end tests: a simulator with one organization watched by job ID and one
/// by discovery, a real Watcher process against it (or several replicas of it, as with replicaCount 2), and a real
/// Prometheus scraping Watcher (directly, and in the text format through <see cref="TextFormatProxy"/>) and
/// evaluating the chart's alert rules; with alerting, Prometheus sends its alerts to a real Alertmanager, which
/// notifies a <see cref="WebhookReceiver"/>.
/// </summary>
internal sealed class Scenario : IAsyncDisposable
{
    public const string Listed = "m-00000000000000000000000000e2e001";
    public const string Discovered = "m-00000000000000000000000000e2e002";
    public const string TextJob = "watcher-text";

    /// <summary>With alerting: Prometheus' external label, which reaches Alertmanager as a cluster label would from Thanos or Mimir.</summary>
    public const string Cluster = "e2e";

    /// <summary>With alerting: the namespace label on the scraped series, as a ServiceMonitor puts it; the chart's namespace.</summary>
    public const string Namespace = "monitoring";

    private Scenario(WorkMailSimulator simulator, IReadOnlyList<WatcherServer> watchers, TextFormatProxy proxy, PrometheusServer prometheus, WebhookReceiver? webhook, AlertmanagerServer? alertmanager)
    {
        Simulator = simulator;
        Watchers = watchers;
        Proxy = proxy;
        Prometheus = prometheus;
        Webhook = webhook;
        Alertmanager = alertmanager;
    }

    public WorkMailSimulator Simulator { get; }

    /// <summary>The first (or only) replica.</summary>
    public WatcherServer Watcher => Watchers[0];

    public IReadOnlyList<WatcherServer> Watchers { get; }

    public WebhookReceiver? Webhook { get; }

    public AlertmanagerServer? Alertmanager { get; }

    public TextFormatProxy Proxy { get; }

    public PrometheusServer Prometheus { get; }

    public static string[] ListedJobs { get; } = ["steady", "stalls", "fails-soon", "done", "missing"];

    /// <param name="beforeWatcher">Changes to the simulator before Watcher starts.</param>
    /// <param name="replicas">Watcher processes polling the same simulator, all scraped under one job.</param>
    /// <param name="alerting">Whether Prometheus sends its alerts to an Alertmanager that notifies a webhook.</param>
    public static async Task<Scenario> StartAsync(Action<WorkMailSimulator>? beforeWatcher = null, int replicas = 1, bool alerting = false)
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

        // The discovered organization's directory, for coverage: one mailbox exported an hour ago, one that the
        // running offboarding jobs export (the simulator's default EntityId), and three never exported; so coverage
        // is 1 of 5 at 1 a week, which finishes well before the end of support.
        simulator.Store.AddJob(Discovered, new SimulatedJob { JobId = "offboard-done", EntityId = "mailbox-done-0001", StartOffset = TimeSpan.FromHours(-2), Duration = TimeSpan.FromMinutes(30) });
        simulator.Store.AddUsers(Discovered,
        [
            new SimulatedUser { Id = "mailbox-done-0001", Name = "done", Email = "done@offboarding.example" },
            new SimulatedUser { Id = new SimulatedJob().EntityId, Name = "leaver", Email = "leaver@offboarding.example" },
            .. Enumerable.Range(1, 3).Select(i => new SimulatedUser { Id = $"mailbox-never-{i:0000}", Name = $"user{i}", Email = $"user{i}@offboarding.example" }),
        ]);

        beforeWatcher?.Invoke(simulator);
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = simulator.Credentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = simulator.Credentials.SecretAccessKey,
        };
        var starting = Enumerable.Range(0, replicas).Select(_ => WatcherServer.StartAsync(Settings(simulator, ListedJobs), environment)).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        var watchers = starting.Select(t => t.Result).ToList();
        simulator.Store.HoldProgress(Listed, "fails-soon", hold: false);
        var proxy = await TextFormatProxy.StartAsync(watchers[0].Address);
        var webhook = alerting ? await WebhookReceiver.StartAsync() : null;
        var alertmanager = webhook is null ? null : await AlertmanagerServer.StartAsync(webhook.Address);
        var rules = AlertRules.ShortenFor(AlertRules.Render(), "2s");
        var prometheus = await PrometheusServer.StartAsync(PrometheusConfig(watchers, proxy, alertmanager), rules);
        var scenario = new Scenario(simulator, watchers, proxy, prometheus, webhook, alertmanager);
        await prometheus.WaitForDataAsync($"count(up{{job=\"{AlertRules.Job}\"}} == 1) == {replicas}", TimeSpan.FromSeconds(30));
        return scenario;
    }

    public static object Settings(WorkMailSimulator simulator, IEnumerable<string> listedJobs) => new
    {
        Aws = new { Region = simulator.Region, ServiceUrl = simulator.ServiceUrl.ToString() },
        PollInterval = "00:00:10",
        Jobs = listedJobs.Select(id => new { OrganizationId = Listed, JobId = id }).ToArray(),
        Organizations = new[] { new { OrganizationId = Discovered, Alias = "offboarding" } },

        // The shortest allowed, so that a change to the directory shows within a test.
        Coverage = new { Interval = "1m" },
    };

    public async ValueTask DisposeAsync()
    {
        await Prometheus.DisposeAsync();
        if (Alertmanager is not null)
        {
            await Alertmanager.DisposeAsync();
        }

        if (Webhook is not null)
        {
            await Webhook.DisposeAsync();
        }

        await Proxy.DisposeAsync();
        foreach (var watcher in Watchers)
        {
            await watcher.DisposeAsync();
        }

        await Simulator.DisposeAsync();
    }

    private static string PrometheusConfig(IEnumerable<WatcherServer> watchers, TextFormatProxy proxy, AlertmanagerServer? alertmanager) => $$"""
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        {{(alertmanager is null ? string.Empty : $$"""
          external_labels:
            cluster: {{Cluster}}
        alerting:
          alertmanagers:
            - static_configs:
                - targets: ["127.0.0.1:{{alertmanager.Port}}"]
        """)}}
        rule_files:
          - rules.yml
        scrape_configs:
          - job_name: {{AlertRules.Job}}
            static_configs:
              - targets: [{{string.Join(", ", watchers.Select(w => $"\"127.0.0.1:{w.Port}\""))}}]
        {{(alertmanager is null ? string.Empty : $$"""
                labels:
                  namespace: {{Namespace}}
        """)}}
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
