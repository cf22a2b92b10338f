using Microsoft.Extensions.Options;
using Watcher.Configuration;

namespace Watcher.Scheduling;

/// <summary>The discovery settings in force: retention follows reloads, the job limit is fixed at start.</summary>
public sealed class DiscoveryPolicy(IOptions<WatcherOptions> options)
{
    private long _retentionTicks = options.Value.TerminalJobRetention.Ticks;

    /// <summary>The most jobs watched at once. Metric streams are sized for it at start, so it takes a restart to change.</summary>
    public int MaxWatchedJobs { get; } = options.Value.MaxWatchedJobs;

    public TimeSpan TerminalJobRetention
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _retentionTicks));
        set => Interlocked.Exchange(ref _retentionTicks, value.Ticks);
    }
}
