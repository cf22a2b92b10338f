namespace Watcher.Simulator.Hosting;

/// <summary>
/// Replaces the console lifetime: an embedded simulator must not react to Ctrl+C of its host process
/// nor print lifetime banners. The standalone program handles Ctrl+C itself.
/// </summary>
internal sealed class NoopHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
