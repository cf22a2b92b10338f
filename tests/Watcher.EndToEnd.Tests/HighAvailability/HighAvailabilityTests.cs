using System.Globalization;
using System.Text.Json.Nodes;
using Watcher.EndToEnd.Tests.Dashboard;
using Watcher.EndToEnd.Tests.Rules;
using Watcher.EndToEnd.Tests.Support;
using Watcher.Simulator;
using Watcher.Testing.Waiting;

namespace Watcher.EndToEnd.Tests.HighAvailability;

/// <summary>
/// Two Watcher replicas (replicaCount 2) scraped by a real Prometheus, which evaluates the shipped rules and sends
/// its alerts to a real Alertmanager and on to a webhook: what an on-call engineer would be sent, and what the
/// dashboard shows. Alertmanager groups by every label, so each distinct alert is one notification, and a job
/// that alerted once per replica would show up twice.
/// </summary>
public sealed class HighAvailabilityTests(AlertingScenario scenario) : IClassFixture<AlertingScenario>
{
    private static readonly TimeSpan Fire = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Resolve = AlertRules.KeepFiringFor + TimeSpan.FromSeconds(60);

    private readonly Scenario _e2e = scenario.E2e;

    [Fact]
    public async Task Notifications_FailedJobOnTwoReplicas_OneFiringThroughAReplicaRestartThenOneResolved()
    {
        var webhook = _e2e.Webhook!;

        await UntilNotifiedAsync("firing", IsFailedJob, Fire);
        var firing = Assert.Single(webhook.Alerts("firing", IsFailedJob));
        var labels = firing["labels"]!.AsObject();
        Assert.Equal(Scenario.Listed, (string?)labels["organization_id"]);
        Assert.Equal("warning", (string?)labels["severity"]);
        Assert.Equal(AlertRules.Job, (string?)labels["job"]);
        Assert.Equal(Scenario.Namespace, (string?)labels["namespace"]);
        Assert.Equal(Scenario.Cluster, (string?)labels["cluster"]);
        Assert.Null(labels["instance"]);
        Assert.Null(labels["pod"]);
        Assert.Equal(new SimulatedJob().EntityId, (string?)labels["entity_id"]);
        Assert.Equal("doomed export", (string?)labels["description"]);
        Assert.Null(labels["alias"]);
        Assert.Equal($"WorkMail export of mailbox {new SimulatedJob().EntityId} (\"doomed export\") in organization {Scenario.Listed} failed", (string?)firing["annotations"]!["summary"]);
        Assert.EndsWith("docs/runbook.md#workmailexportjobfailed", (string?)firing["annotations"]!["runbook_url"], StringComparison.Ordinal);

        // One replica restarts. WatcherDown fires for that replica alone; the job's alert neither resolves nor repeats.
        var second = _e2e.Watchers[1];
        await second.StopAsync();
        await UntilNotifiedAsync("firing", IsWatcherDown, Fire);
        var down = Assert.Single(webhook.Alerts("firing", IsWatcherDown));
        Assert.Equal($"127.0.0.1:{second.Port}", (string?)down["labels"]!["instance"]);
        Assert.Equal(Scenario.Namespace, (string?)down["labels"]!["namespace"]);
        await second.StartAsync();
        await UntilNotifiedAsync("resolved", IsWatcherDown, Resolve);

        // The job goes: neither replica watches it any longer.
        foreach (var watcher in _e2e.Watchers)
        {
            await watcher.WriteSettingsAsync(Scenario.Settings(_e2e.Simulator, Scenario.ListedJobs.Where(j => j != "fails-soon")));
        }

        await UntilNotifiedAsync("resolved", IsFailedJob, Resolve);
        var fired = webhook.Alerts("firing", IsFailedJob);
        Assert.True(fired.Count == 1, $"{fired.Count} firing notifications of the failed job:\n{string.Join('\n', webhook.Notifications.Select(n => n.ToJsonString()))}");
        var resolved = Assert.Single(webhook.Alerts("resolved", IsFailedJob));
        Assert.Equal(labels.ToJsonString(), resolved["labels"]!.ToJsonString());
    }

    [Fact]
    public async Task Dashboard_TwoReplicas_EveryQueryCountsEachJobOnce()
    {
        var prometheus = _e2e.Prometheus;
        await prometheus.WaitForDataAsync($"count(workmail_export_job_state{{instance=\"127.0.0.1:{_e2e.Watchers[1].Port}\"}})", TimeSpan.FromSeconds(60));
        await prometheus.WaitForDataAsync("workmail_export_job_state_transitions_total", TimeSpan.FromSeconds(60));

        // WorkMail API panels are left out: each replica makes its own calls, so their sum is what AWS sees. up and the
        // "Watcher itself" panels (by instance) show each replica on its own line by design.
        var queries = DashboardQueries.All()
            .Where(q => !q.Query.Contains("workmail_api_", StringComparison.Ordinal)
                && !q.Query.StartsWith("up{", StringComparison.Ordinal)
                && !q.Query.Contains("by (instance", StringComparison.Ordinal))
            .ToList();
        Assert.True(queries.Count >= 10, $"Only {queries.Count} dashboard queries to compare.");

        // Each query over both replicas must give what it gives over the replica that says most, series by series:
        // a query that summed the replicas would give about twice that. Values that move with the clock (ages,
        // durations, progress) differ between two replicas polling at their own times, so only their series are compared.
        var mismatches = new List<string>();
        var withData = 0;
        await Wait.UntilAsync(
            async () =>
            {
                mismatches.Clear();
                withData = 0;
                foreach (var (panel, query) in queries)
                {
                    var both = await ValuesAsync(Substitute(query, instance: null));
                    var first = await ValuesAsync(Substitute(query, _e2e.Watchers[0].Port));
                    var second = await ValuesAsync(Substitute(query, _e2e.Watchers[1].Port));
                    var expected = first.Keys.Union(second.Keys).ToDictionary(k => k, k => Math.Max(first.GetValueOrDefault(k, double.MinValue), second.GetValueOrDefault(k, double.MinValue)));
                    var clockBound = query.Contains("time()", StringComparison.Ordinal) || query.Contains("_duration_seconds", StringComparison.Ordinal) || query.Contains("progress_ratio", StringComparison.Ordinal);
                    withData += both.Count > 0 ? 1 : 0;
                    if (!both.Keys.Order().SequenceEqual(expected.Keys.Order()))
                    {
                        mismatches.Add($"Panel '{panel}': series {string.Join(", ", both.Keys)} over both replicas, {string.Join(", ", expected.Keys)} over each: `{query}`");
                    }
                    else if (!clockBound && both.Any(kv => !Close(kv.Value, expected[kv.Key])))
                    {
                        mismatches.Add($"Panel '{panel}': {string.Join(", ", both.Select(kv => $"{kv.Key}={kv.Value}"))} over both replicas, {string.Join(", ", expected.Select(kv => $"{kv.Key}={kv.Value}"))} over the one that says most: `{query}`");
                    }
                }

                return mismatches.Count == 0;
            },
            TimeSpan.FromSeconds(30),
            () => string.Join("\n", mismatches),
            every: TimeSpan.FromSeconds(1));

        // Only the failed job's ErrorInfo may be gone, when the notification test has already removed that job.
        Assert.True(withData >= queries.Count - 1, $"Only {withData} of {queries.Count} queries returned data to compare.");
    }

    private static bool IsFailedJob(JsonObject alert) =>
        (string?)alert["labels"]!["alertname"] == "WorkMailExportJobFailed" && (string?)alert["labels"]!["job_id"] == "fails-soon";

    private static bool IsWatcherDown(JsonObject alert) => (string?)alert["labels"]!["alertname"] == "WatcherDown";

    /// <summary>Within extrapolation noise (increase() over a window), and far from double.</summary>
    private static bool Close(double actual, double expected) =>
        Math.Abs(actual - expected) <= 0.5 || (expected > 0 && actual / expected is > 0.75 and < 1.34);

    /// <summary>The query as Grafana sends it with every organization and the scenario's job, over one replica or (null) both.</summary>
    private static string Substitute(string query, int? instance)
    {
        var promql = DashboardQueries.Substitute(query, organizations: [Scenario.Listed, Scenario.Discovered], job: AlertRules.Job);
        return instance is null ? promql : promql.Replace($"job=~\"{AlertRules.Job}\"", $"job=~\"{AlertRules.Job}\", instance=\"127.0.0.1:{instance}\"", StringComparison.Ordinal);
    }

    /// <summary>The query's result, keyed by its labels other than instance.</summary>
    private async Task<Dictionary<string, double>> ValuesAsync(string promql) =>
        (await _e2e.Prometheus.QueryAsync(promql)).OfType<JsonObject>().ToDictionary(
            r => string.Join(",", r["metric"]!.AsObject().Where(kv => kv.Key != "instance").Select(kv => $"{kv.Key}={kv.Value}").Order(StringComparer.Ordinal)),
            r => double.Parse((string)r["value"]![1]!, CultureInfo.InvariantCulture));

    /// <summary>
    /// Waits for a notification, a real-time wait: Prometheus evaluates on its own clock and Alertmanager waits
    /// group_wait (1 s) before it sends.
    /// </summary>
    private Task UntilNotifiedAsync(string status, Func<JsonObject, bool> match, TimeSpan timeout)
    {
        var webhook = _e2e.Webhook!;
        return Wait.UntilAsync(
            () => webhook.Alerts(status, match).Count > 0,
            webhook.Received,
            timeout,
            () => $"a {status} notification. Notifications so far:\n{string.Join('\n', webhook.Notifications.Select(n => n.ToJsonString()))}\nAlertmanager's log:\n{_e2e.Alertmanager!.Output}");
    }
}
