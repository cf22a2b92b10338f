using Microsoft.Extensions.Options;

namespace Watcher.Configuration;

/// <summary>
/// The <c>Watcher</c> options in force: those validated at start, then each reloaded configuration that passed
/// validation. A reload that fails leaves the last good one in force. The settings that are read once at start
/// (<c>Aws</c>, <c>MaxConcurrentCalls</c>, <c>MaxWatchedJobs</c>, <c>ShutdownTimeout</c>) come from <see cref="Start"/>.
/// </summary>
public sealed class LastGoodWatcherOptions(IOptions<WatcherOptions> start)
{
    private WatcherOptions? _current;

    /// <summary>The options validated at start.</summary>
    public WatcherOptions Start => start.Value;

    public WatcherOptions Current => Volatile.Read(ref _current) ?? start.Value;

    /// <summary>Puts options that passed validation in force.</summary>
    public void Apply(WatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Volatile.Write(ref _current, options);
    }
}
