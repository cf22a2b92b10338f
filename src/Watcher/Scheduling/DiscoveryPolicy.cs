using Microsoft.Extensions.Options;
using Watcher.Configuration;

namespace Watcher.Scheduling;

/// <summary>The polling settings in force: retention, interval and backoff follow reloads, the job limit is fixed at start.</summary>
public sealed class DiscoveryPolicy(IOptions<WatcherOptions> options)
{
    private long _retentionTicks = options.Value.TerminalJobRetention.Ticks;
    private long _pollIntervalTicks = options.Value.PollInterval.Ticks;
    private long _maxBackoffTicks = options.Value.MaxBackoff.Ticks;

    /// <summary>The most jobs watched at once, read at start.</summary>
    public int MaxWatchedJobs { get; } = options.Value.MaxWatchedJobs;

    public TimeSpan TerminalJobRetention
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _retentionTicks));
        set => Interlocked.Exchange(ref _retentionTicks, value.Ticks);
    }

    /// <summary>How often jobs and organizations are polled; where backing off starts.</summary>
    public TimeSpan PollInterval
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _pollIntervalTicks));
        set => Interlocked.Exchange(ref _pollIntervalTicks, value.Ticks);
    }

    /// <summary>The longest wait between polls of something WorkMail says does not exist.</summary>
    public TimeSpan MaxBackoff
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _maxBackoffTicks));
        set => Interlocked.Exchange(ref _maxBackoffTicks, value.Ticks);
    }
}
