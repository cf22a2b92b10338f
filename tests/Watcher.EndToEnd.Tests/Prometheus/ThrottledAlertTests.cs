namespace Watcher.EndToEnd.Tests.Prometheus;

public sealed class ThrottledAlertTests : AlertTest
{
    [Fact]
    public async Task Alerts_WhenMostCallsAreThrottled_WatcherThrottledFiresThenResolves()
    {
        E2e.Simulator.Faults.ThrottleRatio = 0.9;
        await E2e.Prometheus.WaitForAlertAsync("WatcherThrottled", firing: true, Fire);

        E2e.Simulator.Faults.Reset();
        await E2e.Prometheus.WaitForAlertAsync("WatcherThrottled", firing: false, Resolve);
    }
}
