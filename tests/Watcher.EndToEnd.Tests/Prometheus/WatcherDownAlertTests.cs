namespace Watcher.EndToEnd.Tests.Prometheus;

public sealed class WatcherDownAlertTests : AlertTest
{
    [Fact]
    public async Task Alerts_WhenWatcherStops_WatcherDownFiresThenResolvesOnRestart()
    {
        await E2e.Watcher.StopAsync();
        await E2e.Prometheus.WaitForAlertAsync("WatcherDown", firing: true, Fire);

        await E2e.Watcher.StartAsync();
        await E2e.Prometheus.WaitForAlertAsync("WatcherDown", firing: false, Resolve);
    }
}
