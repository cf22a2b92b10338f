using Watcher.Jobs;
using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Scheduling;

/// <summary>Describes one job and folds the answer into its snapshot.</summary>
public sealed class ExportJobPoller(ExportJobStore store, ExportJobRecorder recorder, TimeProvider time)
{
    public async Task<PollOutcome> PollAsync(IWorkMailExportJobs workMail, WatchedJobKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workMail);
        if (!store.TryGet(key, out var current))
        {
            return PollOutcome.NotWatched;
        }

        if (current.IsTerminal && !current.NeedsDescribe)
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
            return recorder.RecordFailure(key, ex.ErrorCode, ex.Message, ex) ? PollOutcome.Continue : PollOutcome.NotWatched;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The client promises WorkMailException; anything else is a bug, but it must not stop the job
            // from being marked as polled (readiness) or from being polled again.
            return recorder.RecordFailure(key, WorkMailErrorCodes.Unknown, ex.Message, ex) ? PollOutcome.Continue : PollOutcome.NotWatched;
        }

        var now = time.GetUtcNow();
        if (!recorder.RecordSuccess(key, job => job.WithSuccess(details, now) with { NeedsDescribe = false }, out var updated))
        {
            return PollOutcome.NotWatched;
        }

        return updated.IsTerminal ? PollOutcome.Terminal : PollOutcome.Continue;
    }
}
