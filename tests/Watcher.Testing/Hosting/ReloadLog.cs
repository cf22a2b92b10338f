using Microsoft.Extensions.Logging;
using Watcher.Scheduling;
using Watcher.Testing.Waiting;

namespace Watcher.Testing.Hosting;

/// <summary>
/// Hears <see cref="WatchedJobsService"/> report each configuration reload, applied or rejected: the signal a
/// test waits on after rewriting the settings, instead of sleeping.
/// </summary>
public sealed class ReloadLog : ILoggerProvider, ILogger
{
    /// <summary>The category <see cref="WatchedJobsService"/> logs under; its reloads are logged at Information.</summary>
    public static readonly string Category = typeof(WatchedJobsService).FullName!;

    // The event ids of WatchedJobsService's ReloadRejected and ReloadApplied.
    private const int RejectedEventId = 1;
    private const int AppliedEventId = 2;

    private int _applied;
    private int _rejected;

    public Signal Changed { get; } = new();

    public int Applied => Volatile.Read(ref _applied);

    public int Rejected => Volatile.Read(ref _rejected);

    public ILogger CreateLogger(string categoryName) => categoryName == Category ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == AppliedEventId)
        {
            Interlocked.Increment(ref _applied);
        }
        else if (eventId.Id == RejectedEventId)
        {
            Interlocked.Increment(ref _rejected);
        }

        Changed.Pulse();
    }

    public void Dispose()
    {
    }
}
