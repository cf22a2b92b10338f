using Watcher.EndToEnd.Tests.Rules;
using Watcher.EndToEnd.Tests.Support;

namespace Watcher.EndToEnd.Tests.Prometheus;

/// <summary>Each shipped alert fires in a real Prometheus when its cause appears, and resolves once it is gone.</summary>
[Collection(RealPrometheus.Name)]
public sealed class AlertTests : IAsyncLifetime
{
    private static readonly TimeSpan Fire = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Resolve = AlertRules.RateWindow + TimeSpan.FromSeconds(60);

    private Scenario _e2e = null!;

    public async Task InitializeAsync() => _e2e = await Scenario.StartAsync();

    public async Task DisposeAsync() => await _e2e.DisposeAsync();

    [Fact]
    public async Task Alerts_JobFailsAndAnotherStalls_FireThenResolve()
    {
        var prometheus = _e2e.Prometheus;

        await prometheus.WaitForAlertAsync("WorkMailExportJobFailed", firing: true, Fire);
        await prometheus.WaitForAlertAsync("WorkMailExportJobStalled", firing: true, AlertRules.StalledFor + Fire);
        var alerts = await prometheus.AlertsAsync();
        Assert.Contains(alerts, a => (string?)a!["labels"]!["alertname"] == "WorkMailExportJobFailed" && (string?)a["labels"]!["job_id"] == "fails-soon");
        Assert.Contains(alerts, a => (string?)a!["labels"]!["alertname"] == "WorkMailExportJobStalled" && (string?)a["labels"]!["job_id"] == "stalls");
        Assert.DoesNotContain(alerts, a => (string?)a!["labels"]!["alertname"] == "WorkMailExportJobStalled" && (string?)a["labels"]!["job_id"] == "steady");

        // The causes go: progress moves again, and the failed job is no longer watched.
        _e2e.Simulator.Store.HoldProgress(Scenario.Listed, "stalls", hold: false);
        await _e2e.Watcher.WriteSettingsAsync(Scenario.Settings(_e2e.Simulator, Scenario.ListedJobs.Where(j => j != "fails-soon")));

        await prometheus.WaitForAlertAsync("WorkMailExportJobFailed", firing: false, Resolve);
        await prometheus.WaitForAlertAsync("WorkMailExportJobStalled", firing: false, Resolve);
    }

    [Fact]
    public async Task Alerts_WhenMostCallsAreThrottled_WatcherThrottledFiresThenResolves()
    {
        _e2e.Simulator.Faults.ThrottleRatio = 0.9;
        await _e2e.Prometheus.WaitForAlertAsync("WatcherThrottled", firing: true, Fire);

        _e2e.Simulator.Faults.Reset();
        await _e2e.Prometheus.WaitForAlertAsync("WatcherThrottled", firing: false, Resolve);
    }

    [Fact]
    public async Task Alerts_WhenCredentialsAreRejected_WatcherCredentialsErrorFiresThenResolves()
    {
        _e2e.Simulator.Faults.RejectCredentials = true;
        await _e2e.Prometheus.WaitForAlertAsync("WatcherCredentialsError", firing: true, Fire);
        var alert = (await _e2e.Prometheus.AlertsAsync()).First(a => (string?)a!["labels"]!["alertname"] == "WatcherCredentialsError");
        Assert.Equal("UnrecognizedClientException", (string?)alert!["labels"]!["error_code"]);

        _e2e.Simulator.Faults.Reset();
        await _e2e.Prometheus.WaitForAlertAsync("WatcherCredentialsError", firing: false, Resolve);
    }

    [Fact]
    public async Task Alerts_WhenWatcherStops_WatcherDownFiresThenResolvesOnRestart()
    {
        await _e2e.Watcher.StopAsync();
        await _e2e.Prometheus.WaitForAlertAsync("WatcherDown", firing: true, Fire);

        await _e2e.Watcher.StartAsync();
        await _e2e.Prometheus.WaitForAlertAsync("WatcherDown", firing: false, Resolve);
    }
}
