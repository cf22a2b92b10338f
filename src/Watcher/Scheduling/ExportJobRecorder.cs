using Watcher.Jobs;
using Watcher.Metrics;
using Watcher.WorkMail;

namespace Watcher.Scheduling;

/// <summary>
/// Folds a poll's answer into a job's snapshot, for the job poller and the organization poller alike:
/// counts state transitions and logs what an operator wants to read.
/// </summary>
public sealed partial class ExportJobRecorder(ExportJobStore store, WatcherMetrics metrics, ILogger<ExportJobRecorder> logger)
{
    /// <summary>Applies a successful answer; false when the job is no longer watched.</summary>
    public bool RecordSuccess(WatchedJobKey key, Func<ExportJobSnapshot, ExportJobSnapshot> update, out ExportJobSnapshot updated)
    {
        if (!store.TryUpdate(key, update, out var previous, out updated))
        {
            return false;
        }

        if (previous.LastErrorCode is { } recoveredFrom)
        {
            Log.Recovered(logger, key.JobId, key.OrganizationId, recoveredFrom);
        }

        if (previous.Details is { } old && updated.Details is { } now && old.State != now.State)
        {
            metrics.StateTransition(key.OrganizationId, old.State, now.State);
            Log.StateChanged(logger, key.JobId, key.OrganizationId, WatcherMetrics.StateName(old.State), WatcherMetrics.StateName(now.State));
        }

        if (updated.IsTerminal && !previous.IsTerminal)
        {
            Log.JobTerminal(logger, key.JobId, key.OrganizationId, WatcherMetrics.StateName(updated.Details!.State));
        }

        return true;
    }

    /// <summary>Marks the last poll failed, keeping the last good values; false when the job is no longer watched.</summary>
    public bool RecordFailure(WatchedJobKey key, string errorCode, string message, Exception? exception = null)
    {
        if (!store.TryUpdate(key, job => job.WithFailure(errorCode, message), out var before, out _))
        {
            return false;
        }

        // A job that keeps failing the same way is logged once, not once per poll.
        if (before.LastErrorCode != errorCode)
        {
            Log.DescribeFailed(logger, key.JobId, key.OrganizationId, errorCode, message, errorCode == WorkMailErrorCodes.Unknown ? exception : null);
        }

        return true;
    }

    /// <summary>
    /// Marks the last poll failed because WorkMail says the job does not exist, and backs its polling off:
    /// the next describe waits PollInterval, then twice as long each time, up to MaxBackoff. Logged when the
    /// wait changes. False when the job is no longer watched.
    /// </summary>
    public bool RecordMissing(WatchedJobKey key, string errorCode, string message, DateTimeOffset pollStartedAt, TimeSpan pollInterval, TimeSpan maxBackoff)
    {
        if (!store.TryUpdate(
                key,
                job =>
                {
                    var delay = PollBackoff.NextDelay(job.BackoffDelay, pollInterval, maxBackoff);
                    return job.WithFailure(errorCode, message) with { BackoffDelay = delay, RetryAt = pollStartedAt + delay };
                },
                out var before,
                out var after))
        {
            return false;
        }

        if (before.BackoffDelay != after.BackoffDelay || before.LastErrorCode != errorCode)
        {
            Log.BackingOff(logger, key.JobId, key.OrganizationId, errorCode, after.RetryAt!.Value, after.BackoffDelay!.Value, message);
        }

        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(5, LogLevel.Warning, "Export job {JobId} in {OrganizationId} was not found ({ErrorCode}); it will be retried at {RetryAt:O}, {BackoffDelay} after this poll, backing off further while it stays missing: {ErrorMessage}")]
        public static partial void BackingOff(ILogger logger, string jobId, string organizationId, string errorCode, DateTimeOffset retryAt, TimeSpan backoffDelay, string errorMessage);

        [LoggerMessage(1, LogLevel.Warning, "Polling export job {JobId} in {OrganizationId} failed with {ErrorCode}: {ErrorMessage}")]
        public static partial void DescribeFailed(ILogger logger, string jobId, string organizationId, string errorCode, string errorMessage, Exception? exception);

        [LoggerMessage(2, LogLevel.Information, "Polling export job {JobId} in {OrganizationId} works again after {ErrorCode}")]
        public static partial void Recovered(ILogger logger, string jobId, string organizationId, string errorCode);

        [LoggerMessage(3, LogLevel.Information, "Export job {JobId} in {OrganizationId} went from {FromState} to {ToState}")]
        public static partial void StateChanged(ILogger logger, string jobId, string organizationId, string fromState, string toState);

        [LoggerMessage(4, LogLevel.Information, "Export job {JobId} in {OrganizationId} is {State}; keeping its final values and polling it no more")]
        public static partial void JobTerminal(ILogger logger, string jobId, string organizationId, string state);
    }
}
