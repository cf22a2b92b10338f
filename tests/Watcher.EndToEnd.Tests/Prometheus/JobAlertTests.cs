using Watcher.EndToEnd.Tests.Rules;
using Watcher.EndToEnd.Tests.Support;

namespace Watcher.EndToEnd.Tests.Prometheus;

public sealed class JobAlertTests : AlertTest
{
    [Fact]
    public async Task Alerts_JobFailsAndAnotherStalls_FireThenResolve()
    {
        var prometheus = E2e.Prometheus;

        await prometheus.WaitForAlertAsync("WorkMailExportJobFailed", firing: true, Fire);
        await prometheus.WaitForAlertAsync("WorkMailExportJobStalled", firing: true, AlertRules.StalledFor + Fire);
        var alerts = await prometheus.AlertsAsync();
        Assert.Contains(alerts, a => (string?)a!["labels"]!["alertname"] == "WorkMailExportJobFailed" && (string?)a["labels"]!["job_id"] == "fails-soon");
        Assert.Contains(alerts, a => (string?)a!["labels"]!["alertname"] == "WorkMailExportJobStalled" && (string?)a["labels"]!["job_id"] == "stalls");
        Assert.DoesNotContain(alerts, a => (string?)a!["labels"]!["alertname"] == "WorkMailExportJobStalled" && (string?)a["labels"]!["job_id"] == "steady");

        // The causes go: progress moves again, and the failed job is no longer watched.
        E2e.Simulator.Store.HoldProgress(Scenario.Listed, "stalls", hold: false);
        await E2e.Watcher.WriteSettingsAsync(Scenario.Settings(E2e.Simulator, Scenario.ListedJobs.Where(j => j != "fails-soon")));

        await prometheus.WaitForAlertAsync("WorkMailExportJobFailed", firing: false, Resolve);
        await prometheus.WaitForAlertAsync("WorkMailExportJobStalled", firing: false, Resolve);
    }
}
