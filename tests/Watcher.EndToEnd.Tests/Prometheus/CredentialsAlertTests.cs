namespace Watcher.EndToEnd.Tests.Prometheus;

public sealed class CredentialsAlertTests : AlertTest
{
    [Fact]
    public async Task Alerts_WhenCredentialsAreRejected_WatcherCredentialsErrorFiresThenResolves()
    {
        E2e.Simulator.Faults.RejectCredentials = true;
        await E2e.Prometheus.WaitForAlertAsync("WatcherCredentialsError", firing: true, Fire);
        var alert = (await E2e.Prometheus.AlertsAsync()).First(a => (string?)a!["labels"]!["alertname"] == "WatcherCredentialsError");
        Assert.Equal("UnrecognizedClientException", (string?)alert!["labels"]!["error_code"]);

        E2e.Simulator.Faults.Reset();
        await E2e.Prometheus.WaitForAlertAsync("WatcherCredentialsError", firing: false, Resolve);
    }
}
