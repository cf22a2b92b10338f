using Watcher.Configuration;
using Watcher.Jobs;

namespace Watcher.Scheduling;

/// <summary>
/// Makes the watched set and the Quartz schedule match a configuration: added jobs are polled right
/// away, removed jobs are unscheduled and lose their series, terminal jobs stay unscheduled.
/// </summary>
public sealed partial class WatchedJobsReconciler(ExportJobStore store, PollSchedule schedule, ILogger<WatchedJobsReconciler> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TimeSpan? _interval;

    public async Task ReconcileAsync(WatcherOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var desired = options.Jobs.Select(j => new WatchedJobKey(j.OrganizationId, j.JobId)).ToHashSet();
            var intervalChanged = _interval is { } previous && previous != options.PollInterval;
            _interval = options.PollInterval;

            foreach (var key in store.Current.Keys.Where(k => !desired.Contains(k)))
            {
                await schedule.UnscheduleAsync(key, cancellationToken);
                store.Unwatch(key);
                Log.Unwatched(logger, key.JobId, key.OrganizationId);
            }

            foreach (var key in desired)
            {
                if (store.Watch(key))
                {
                    await schedule.ScheduleAsync(key, options.PollInterval, pollNow: true, cancellationToken);
                    Log.Watching(logger, key.JobId, key.OrganizationId, options.PollInterval);
                }
                else if (intervalChanged && store.TryGet(key, out var job) && !job.IsTerminal)
                {
                    await schedule.ScheduleAsync(key, options.PollInterval, pollNow: false, cancellationToken);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Watching export job {JobId} in {OrganizationId}, every {PollInterval}")]
        public static partial void Watching(ILogger logger, string jobId, string organizationId, TimeSpan pollInterval);

        [LoggerMessage(2, LogLevel.Information, "No longer watching export job {JobId} in {OrganizationId}")]
        public static partial void Unwatched(ILogger logger, string jobId, string organizationId);
    }
}
