using Watcher.Jobs;
using Watcher.Metrics;
using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Scheduling;

/// <summary>Describes one job and folds the answer into its snapshot.</summary>
public sealed partial class ExportJobPoller(
    IWorkMailExportJobs workMail,
    ExportJobStore store,
    WatcherMetrics metrics,
    TimeProvider time,
    ILogger<ExportJobPoller> logger)
{
    public async Task<PollOutcome> PollAsync(WatchedJobKey key, CancellationToken cancellationToken)
    {
        if (!store.TryGet(key, out var current))
        {
            return PollOutcome.NotWatched;
        }

        if (current.IsTerminal)
        {
            return PollOutcome.Terminal;
        }

        ExportJobDetails details;
        try
        {
            details = await workMail.DescribeExportJobAsync(key.OrganizationId, key.JobId, cancellationToken);
        }
        catch (WorkMailException ex)
        {
            return RecordFailure(key, ex.ErrorCode, ex.Message, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The client promises WorkMailException; anything else is a bug, but it must not stop the job
            // from being marked as polled (readiness) or from being polled again.
            return RecordFailure(key, WorkMailErrorCodes.Unknown, ex.Message, ex);
        }

        var now = time.GetUtcNow();
        if (!store.TryUpdate(key, job => job.WithSuccess(details, now), out var previous, out var updated))
        {
            return PollOutcome.NotWatched;
        }

        if (previous.LastErrorCode is { } recoveredFrom)
        {
            Log.DescribeRecovered(logger, key.JobId, key.OrganizationId, recoveredFrom);
        }

        if (previous.Details is { } old && old.State != details.State)
        {
            metrics.StateTransition(key.OrganizationId, old.State, details.State);
            Log.StateChanged(logger, key.JobId, key.OrganizationId, WatcherMetrics.StateName(old.State), WatcherMetrics.StateName(details.State));
        }

        if (updated.IsTerminal)
        {
            Log.JobTerminal(logger, key.JobId, key.OrganizationId, WatcherMetrics.StateName(details.State));
            return PollOutcome.Terminal;
        }

        return PollOutcome.Continue;
    }

    private PollOutcome RecordFailure(WatchedJobKey key, string errorCode, string message, Exception exception)
    {
        if (!store.TryUpdate(key, job => job.WithFailure(errorCode, message), out var before, out _))
        {
            return PollOutcome.NotWatched;
        }

        // A job that keeps failing the same way is logged once, not once per poll.
        if (before.LastErrorCode != errorCode)
        {
            Log.DescribeFailed(logger, key.JobId, key.OrganizationId, errorCode, message, errorCode == WorkMailErrorCodes.Unknown ? exception : null);
        }

        return PollOutcome.Continue;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Describing export job {JobId} in {OrganizationId} failed with {ErrorCode}: {ErrorMessage}")]
        public static partial void DescribeFailed(ILogger logger, string jobId, string organizationId, string errorCode, string errorMessage, Exception? exception);

        [LoggerMessage(2, LogLevel.Information, "Describing export job {JobId} in {OrganizationId} works again after {ErrorCode}")]
        public static partial void DescribeRecovered(ILogger logger, string jobId, string organizationId, string errorCode);

        [LoggerMessage(3, LogLevel.Information, "Export job {JobId} in {OrganizationId} went from {FromState} to {ToState}")]
        public static partial void StateChanged(ILogger logger, string jobId, string organizationId, string fromState, string toState);

        [LoggerMessage(4, LogLevel.Information, "Export job {JobId} in {OrganizationId} is {State}; keeping its final values and polling it no more")]
        public static partial void JobTerminal(ILogger logger, string jobId, string organizationId, string state);
    }
}
