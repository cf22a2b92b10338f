using Watcher.Jobs;
using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Scheduling;

/// <summary>
/// Lists every export job of one organization and folds the listing into the watched jobs. Describe is
/// called only where the listing cannot answer: once for a new job (S3Prefix, ARNs), once when a job turns
/// FAILED (ErrorInfo), and for a job that is still running but has left the listing. At steady state an
/// organization of N jobs therefore costs ceil(N/100) calls per cycle.
/// </summary>
public sealed partial class OrganizationPoller(
    OrganizationStore organizations,
    ExportJobStore store,
    ExportJobRecorder recorder,
    ExportJobPoller jobPoller,
    IWorkMailClients clients,
    DiscoveryPolicy policy,
    TimeProvider time,
    ILogger<OrganizationPoller> logger)
{
    public const int PageSize = 100;

    public async Task<PollOutcome> PollAsync(string organizationId, CancellationToken cancellationToken)
    {
        if (!organizations.TryGet(organizationId, out var organization))
        {
            return PollOutcome.NotWatched;
        }

        var started = time.GetUtcNow();
        if (!PollBackoff.IsDue(organization.RetryAt, started, policy.PollInterval))
        {
            return PollOutcome.Continue;
        }

        var client = clients.ForOrganization(organization.Region, organization.RoleArn, organization.ExternalId);
        List<ExportJobSummary> listed;
        try
        {
            listed = await ListAllAsync(client, organizationId, cancellationToken);
        }
        catch (WorkMailException ex) when (PollBackoff.IsMissing(ex.ErrorCode))
        {
            RecordListingFailure(organization, ex.ErrorCode, ex.Message);
            BackOff(organizationId, ex.ErrorCode, started);
            return PollOutcome.Continue;
        }
        catch (WorkMailException ex)
        {
            RecordListingFailure(organization, ex.ErrorCode, ex.Message);
            return PollOutcome.Continue;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RecordListingFailure(organization, WorkMailErrorCodes.Unknown, ex.Message);
            return PollOutcome.Continue;
        }

        var now = time.GetUtcNow();
        var listedIds = new HashSet<string>(StringComparer.Ordinal);
        var newJobs = new List<ExportJobSummary>();
        foreach (var summary in listed)
        {
            if (!listedIds.Add(summary.JobId))
            {
                continue;
            }

            var key = new WatchedJobKey(organizationId, summary.JobId);
            if (!store.TryGet(key, out var job))
            {
                newJobs.Add(summary);
            }
            else if (job.IsTerminal && !job.NeedsDescribe)
            {
                // Final values never change; only remember that the listing still shows the job.
                store.TryUpdate(key, j => j with { LastListedAt = now }, out _, out _);
            }
            else
            {
                recorder.RecordSuccess(key, j => j.WithListing(summary, now) with { NeedsDescribe = OwesDescribe(j, summary) }, out _);
            }
        }

        var (added, skipped) = Admit(organizationId, newJobs, now);
        var directly = SweepUnlisted(organizationId, listedIds, now, out var dropped);

        await DescribeOwedAsync(client, organizationId, directly, cancellationToken);

        organizations.TryUpdate(
            organizationId,
            o => o with { PollAttempted = true, LastPollSucceeded = true, LastPollSuccessAt = now, LastErrorCode = null, SkippedJobs = skipped, BackoffDelay = null, RetryAt = null },
            out var before);
        if (before.LastErrorCode is { } recoveredFrom)
        {
            Log.ListingRecovered(logger, organizationId, recoveredFrom);
        }

        // Said once when the number changes, not every cycle.
        if (skipped != before.SkippedJobs && skipped > 0)
        {
            Log.LimitReached(logger, organizationId, skipped, policy.MaxWatchedJobs);
        }

        Log.Listed(logger, organizationId, listedIds.Count, added, dropped);
        return PollOutcome.Continue;
    }

    private static async Task<List<ExportJobSummary>> ListAllAsync(IWorkMailExportJobs client, string organizationId, CancellationToken cancellationToken)
    {
        var jobs = new List<ExportJobSummary>();
        string? token = null;
        do
        {
            var page = await client.ListExportJobsAsync(organizationId, token, PageSize, cancellationToken);
            jobs.AddRange(page.Jobs);
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return jobs;
    }

    /// <summary>A listed job still owes a describe if it never had one, or has just turned FAILED.</summary>
    private static bool OwesDescribe(ExportJobSnapshot job, ExportJobSummary summary) =>
        job.NeedsDescribe
        || job.Details is null
        || (summary.State == ExportJobState.Failed && job.Details.State != ExportJobState.Failed);

    /// <summary>
    /// Starts watching new jobs, newest first. At the limit a new job takes the place of the oldest
    /// discovered job if it is newer; configured jobs are never displaced.
    /// </summary>
    private (int Added, int Skipped) Admit(string organizationId, List<ExportJobSummary> newJobs, DateTimeOffset now)
    {
        var added = 0;
        var skipped = 0;
        foreach (var summary in newJobs.OrderByDescending(j => j.StartTime))
        {
            if (store.Current.Count >= policy.MaxWatchedJobs && !store.EvictOldestDiscovered(olderThan: summary.StartTime))
            {
                skipped++;
                continue;
            }

            var job = new ExportJobSnapshot(new WatchedJobKey(organizationId, summary.JobId)).WithListing(summary, now) with { NeedsDescribe = true };
            if (store.TryAdd(job))
            {
                added++;
            }
        }

        return (added, skipped);
    }

    /// <summary>
    /// Drops terminal jobs the listing stopped showing once their retention has passed, and returns the
    /// jobs that must be described directly: still running, or configured but never listed.
    /// </summary>
    private List<WatchedJobKey> SweepUnlisted(string organizationId, HashSet<string> listedIds, DateTimeOffset now, out int dropped)
    {
        dropped = 0;
        var directly = new List<WatchedJobKey>();
        var retention = policy.TerminalJobRetention;
        foreach (var job in store.Current.Values)
        {
            if (job.Key.OrganizationId != organizationId || listedIds.Contains(job.Key.JobId))
            {
                continue;
            }

            if (!job.IsTerminal || job.NeedsDescribe)
            {
                directly.Add(job.Key);
            }
            else if (!job.IsConfigured && job.LastListedAt is { } lastListed && now - lastListed >= retention && store.Unwatch(job.Key))
            {
                dropped++;
            }
        }

        return directly;
    }

    private async Task DescribeOwedAsync(IWorkMailExportJobs client, string organizationId, List<WatchedJobKey> directly, CancellationToken cancellationToken)
    {
        var owed = store.Current.Values
            .Where(j => j.Key.OrganizationId == organizationId && j.NeedsDescribe && j.LastListedAt is not null)
            .Select(j => j.Key)
            .Except(directly)
            .ToList();

        // The client's concurrency bound paces these; the loop only keeps that many calls in flight.
        await Parallel.ForEachAsync(
            owed.Select(key => (key, listed: true)).Concat(directly.Select(key => (key, listed: false))),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                if (item.listed)
                {
                    await DescribeListedAsync(client, item.key, ct);
                }
                else
                {
                    await jobPoller.PollAsync(client, item.key, ct);
                }
            });
    }

    /// <summary>
    /// Describes a job the listing just refreshed. A failure leaves the describe owed for the next cycle but
    /// does not mark the job stale: the listing's values are fresh.
    /// </summary>
    private async Task DescribeListedAsync(IWorkMailExportJobs client, WatchedJobKey key, CancellationToken cancellationToken)
    {
        ExportJobDetails details;
        try
        {
            details = await client.DescribeExportJobAsync(key.OrganizationId, key.JobId, cancellationToken);
        }
        catch (WorkMailException ex)
        {
            Log.DescribeOwed(logger, key.JobId, key.OrganizationId, ex.ErrorCode);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DescribeOwed(logger, key.JobId, key.OrganizationId, WorkMailErrorCodes.Unknown);
            return;
        }

        var now = time.GetUtcNow();
        recorder.RecordSuccess(key, j => j.WithSuccess(details, now) with { NeedsDescribe = false }, out _);
    }

    /// <summary>The organization is missing or unusable: list it less often, doubling the wait up to MaxBackoff.</summary>
    private void BackOff(string organizationId, string errorCode, DateTimeOffset pollStartedAt)
    {
        var interval = policy.PollInterval;
        var maxBackoff = policy.MaxBackoff;
        if (!organizations.TryUpdate(
                organizationId,
                o =>
                {
                    var delay = PollBackoff.NextDelay(o.BackoffDelay, interval, maxBackoff);
                    return o with { BackoffDelay = delay, RetryAt = pollStartedAt + delay };
                },
                out var before))
        {
            return;
        }

        if (organizations.TryGet(organizationId, out var after) && after.BackoffDelay != before.BackoffDelay)
        {
            Log.BackingOff(logger, organizationId, errorCode, after.RetryAt!.Value, after.BackoffDelay!.Value);
        }
    }

    private void RecordListingFailure(OrganizationSnapshot organization, string errorCode, string message)
    {
        organizations.TryUpdate(organization.OrganizationId, o => o with { PollAttempted = true, LastPollSucceeded = false, LastErrorCode = errorCode }, out var before);
        if (before.LastErrorCode != errorCode)
        {
            Log.ListingFailed(logger, organization.OrganizationId, organization.Region, errorCode, message);
        }

        // The jobs that needed this listing to stay fresh are now stale; terminal ones need nothing.
        foreach (var job in store.Current.Values)
        {
            if (job.Key.OrganizationId == organization.OrganizationId && (!job.IsTerminal || !job.PollAttempted))
            {
                store.TryUpdate(job.Key, j => j.WithFailure(errorCode, message), out _, out _);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Listing the export jobs of {OrganizationId} in {Region} failed with {ErrorCode}: {ErrorMessage}")]
        public static partial void ListingFailed(ILogger logger, string organizationId, string region, string errorCode, string errorMessage);

        [LoggerMessage(2, LogLevel.Information, "Listing the export jobs of {OrganizationId} works again after {ErrorCode}")]
        public static partial void ListingRecovered(ILogger logger, string organizationId, string errorCode);

        [LoggerMessage(3, LogLevel.Warning, "{OrganizationId} lists {Skipped} more export jobs than Watcher:MaxWatchedJobs ({MaxWatchedJobs}) allows; watching the newest")]
        public static partial void LimitReached(ILogger logger, string organizationId, int skipped, int maxWatchedJobs);

        [LoggerMessage(4, LogLevel.Debug, "Listed {OrganizationId}: {Listed} jobs, {Added} new, {Dropped} past retention")]
        public static partial void Listed(ILogger logger, string organizationId, int listed, int added, int dropped);

        [LoggerMessage(6, LogLevel.Warning, "Organization {OrganizationId} answered {ErrorCode}; its export jobs will be listed again at {RetryAt:O}, {BackoffDelay} after this poll, backing off further while it does")]
        public static partial void BackingOff(ILogger logger, string organizationId, string errorCode, DateTimeOffset retryAt, TimeSpan backoffDelay);

        [LoggerMessage(5, LogLevel.Debug, "Describing listed export job {JobId} in {OrganizationId} failed with {ErrorCode}; trying again next cycle")]
        public static partial void DescribeOwed(ILogger logger, string jobId, string organizationId, string errorCode);
    }
}
