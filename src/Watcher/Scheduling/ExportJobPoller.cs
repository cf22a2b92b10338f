using Watcher.Jobs;
using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Scheduling;

/// <summary>Describes one job and folds the answer into its snapshot; backs off a job WorkMail says does not exist.</summary>
/// <param name="policy">The interval and backoff in force; the defaults (1 min, 1 h) when null.</param>
public sealed class ExportJobPoller(ExportJobStore store, ExportJobRecorder recorder, TimeProvider time, DiscoveryPolicy? policy = null)
{
    private TimeSpan PollInterval => policy?.PollInterval ?? TimeSpan.FromMinutes(1);

    private TimeSpan MaxBackoff => policy?.MaxBackoff ?? TimeSpan.FromHours(1);

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

        var started = time.GetUtcNow();
        var interval = PollInterval;
        if (!PollBackoff.IsDue(current.RetryAt, started, interval))
        {
            return PollOutcome.Continue;
        }

        ExportJobDetails details;
        try
        {
            details = await workMail.DescribeExportJobAsync(key.OrganizationId, key.JobId, cancellationToken);
        }
        catch (WorkMailException ex) when (PollBackoff.IsMissing(ex.ErrorCode))
        {
            return recorder.RecordMissing(key, ex.ErrorCode, ex.Message, started, interval, MaxBackoff) ? PollOutcome.Continue : PollOutcome.NotWatched;
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
