using Watcher.EndToEnd.Tests.Rules;
using Watcher.EndToEnd.Tests.Support;
using Watcher.Simulator;

namespace Watcher.EndToEnd.Tests.Prometheus;

public sealed class JobAlertTests : AlertTest
{
    /// <summary>The simulator's default EntityId, which the scenario's jobs keep.</summary>
    private static readonly string SimulatedEntity = new SimulatedJob().EntityId;

    [Fact]
    public async Task Alerts_JobFailsAndAnotherStalls_FireThenResolve()
    {
        var prometheus = E2e.Prometheus;

        await prometheus.WaitForAlertAsync("WorkMailExportJobFailed", firing: true, Fire);
        await prometheus.WaitForAlertAsync("WorkMailExportJobStalled", firing: true, AlertRules.StalledFor + Fire);
        var alerts = await prometheus.AlertsAsync();
        var failed = Assert.Single(alerts, a => (string?)a!["labels"]!["alertname"] == "WorkMailExportJobFailed" && (string?)a["labels"]!["job_id"] == "fails-soon");
        var stalled = Assert.Single(alerts, a => (string?)a!["labels"]!["alertname"] == "WorkMailExportJobStalled" && (string?)a["labels"]!["job_id"] == "stalls");

        // Named from workmail_export_job_info; the organization, watched by job ID, has no alias and is named by its id.
        Assert.Equal(SimulatedEntity, (string?)failed!["labels"]!["entity_id"]);
        Assert.Equal("doomed export", (string?)failed["labels"]!["description"]);
        Assert.Null(failed["labels"]!["alias"]);
        Assert.Equal($"WorkMail export of mailbox {SimulatedEntity} (\"doomed export\") in organization {Scenario.Listed} failed", (string?)failed["annotations"]!["summary"]);
        Assert.Equal($"WorkMail export of mailbox {SimulatedEntity} (\"stuck export\") in organization {Scenario.Listed} is not progressing", (string?)stalled!["annotations"]!["summary"]);
        Assert.StartsWith($"WorkMail export job stalls of mailbox {SimulatedEntity} (\"stuck export\") in organization {Scenario.Listed} is RUNNING but its progress has not changed for ", (string?)stalled["annotations"]!["description"], StringComparison.Ordinal);
        Assert.DoesNotContain(alerts, a => (string?)a!["labels"]!["alertname"] == "WorkMailExportJobStalled" && (string?)a["labels"]!["job_id"] == "steady");

        // The causes go: progress moves again, and the failed job is no longer watched.
        E2e.Simulator.Store.HoldProgress(Scenario.Listed, "stalls", hold: false);
        await E2e.Watcher.WriteSettingsAsync(Scenario.Settings(E2e.Simulator, Scenario.ListedJobs.Where(j => j != "fails-soon")));

        await prometheus.WaitForAlertAsync("WorkMailExportJobFailed", firing: false, Resolve);
        await prometheus.WaitForAlertAsync("WorkMailExportJobStalled", firing: false, Resolve);
    }
}
