using Watcher.Configuration;
using Watcher.Jobs;
using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Polling;

/// <summary>Describes one job and hands the answer to <see cref="WatchedJobs"/>; skips a job that is backing off.</summary>
public sealed class ExportJobPoller(WatchedJobs watched, LastGoodWatcherOptions options, TimeProvider time)
{
    public async Task<PollOutcome> PollAsync(IWorkMailExportJobs workMail, WatchedJobKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workMail);
        if (!watched.TryGet(key, out var current))
        {
            return PollOutcome.NotWatched;
        }

        if (current.IsTerminal && !current.NeedsDescribe)
        {
            return PollOutcome.Terminal;
        }

        var started = time.GetUtcNow();
        if (!PollBackoff.IsDue(current.RetryAt, started, options.Current.PollInterval))
        {
            return PollOutcome.Continue;
        }

        ExportJobDetails details;
        try
        {
            details = await workMail.DescribeExportJobAsync(key.OrganizationId, key.JobId, cancellationToken);
        }
        catch (WorkMailException ex) when (WorkMailErrorCodes.IsMissing(ex.ErrorCode))
        {
            return watched.JobMissing(key, ex.ErrorCode, ex.Message, started) ? PollOutcome.Continue : PollOutcome.NotWatched;
        }
        catch (WorkMailException ex)
        {
            return watched.PollFailed(key, ex.ErrorCode, ex.Message, ex) ? PollOutcome.Continue : PollOutcome.NotWatched;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The client promises WorkMailException; anything else is a bug, but it must not stop the job
            // from being marked as polled (readiness) or from being polled again.
            return watched.PollFailed(key, WorkMailErrorCodes.Unknown, ex.Message, ex) ? PollOutcome.Continue : PollOutcome.NotWatched;
        }

        if (!watched.Described(key, details, time.GetUtcNow()))
        {
            return PollOutcome.NotWatched;
        }

        return details.State == ExportJobState.Running ? PollOutcome.Continue : PollOutcome.Terminal;
    }
}
