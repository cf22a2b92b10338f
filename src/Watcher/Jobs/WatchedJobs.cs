using Watcher.Configuration;
using Watcher.Coverage;
using Watcher.Metrics;
using Watcher.Polling;
using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Jobs;

/// <summary>
/// The one owner of the job and organization snapshots. It admits and evicts jobs against
/// <c>Watcher:MaxWatchedJobs</c>, drops terminal jobs past their retention, folds in what polls learned (a
/// describe, a listing, a failure), counts state transitions and logs what an operator wants to read. Pollers
/// only call WorkMail and hand their answers here; the stores are plain compare-and-swap maps.
/// </summary>
public sealed partial class WatchedJobs(
    ExportJobStore store,
    OrganizationStore organizations,
    LastGoodWatcherOptions options,
    WatcherMetrics metrics,
    CompletionRecorder completions,
    ILogger<WatchedJobs> logger)
{
    public bool TryGet(WatchedJobKey key, out ExportJobSnapshot job) => store.TryGet(key, out job);

    public bool TryGetOrganization(string organizationId, out OrganizationSnapshot organization) => organizations.TryGet(organizationId, out organization);

    /// <summary>
    /// Watches a job listed in <c>Watcher:Jobs</c>, making room by evicting the oldest discovered job at the
    /// limit (validation keeps configured jobs within it). A job already watched becomes configured. True if added.
    /// </summary>
    public bool WatchConfigured(WatchedJobKey key)
    {
        if (!store.Current.ContainsKey(key) && store.Current.Count >= options.Start.MaxWatchedJobs)
        {
            EvictOldestDiscovered(olderThan: null);
        }

        if (store.TryAdd(new ExportJobSnapshot(key) { IsConfigured = true }))
        {
            return true;
        }

        store.TryUpdate(key, j => j.IsConfigured ? j : j with { IsConfigured = true }, out _, out _);
        return false;
    }

    /// <summary>A job removed from <c>Watcher:Jobs</c> that its organization's listing still shows stays, as a discovered job.</summary>
    public void ReleaseToDiscovery(WatchedJobKey key) => store.TryUpdate(key, j => j with { IsConfigured = false }, out _, out _);

    /// <summary>Stops watching a job; its series vanish from the next scrape.</summary>
    public bool Unwatch(WatchedJobKey key) => store.Unwatch(key);

    /// <summary>Adds an organization, or takes its new settings keeping its poll state; true if added.</summary>
    public bool WatchOrganization(OrganizationSnapshot settings) => organizations.Upsert(settings);

    /// <summary>Stops watching an organization and the jobs it discovered, except <paramref name="keep"/>.</summary>
    public void UnwatchOrganization(string organizationId, IReadOnlySet<WatchedJobKey> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        organizations.Remove(organizationId);
        foreach (var key in store.Current.Keys.Where(k => k.OrganizationId == organizationId && !keep.Contains(k)))
        {
            store.Unwatch(key);
        }
    }

    /// <summary>Folds a successful describe into the job; false when the job is no longer watched.</summary>
    public bool Described(WatchedJobKey key, ExportJobDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        completions.Saw(details);
        return Succeeded(key, job => job.WithSuccess(details, now) with { NeedsDescribe = false }, out _);
    }

    /// <summary>Marks the last poll failed, keeping the last good values; false when the job is no longer watched.</summary>
    public bool PollFailed(WatchedJobKey key, string errorCode, string message, Exception? exception = null)
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
    /// PollInterval, then twice as long each time, up to MaxBackoff. Logged when the wait changes. False when
    /// the job is no longer watched.
    /// </summary>
    public bool JobMissing(WatchedJobKey key, string errorCode, string message, DateTimeOffset pollStartedAt)
    {
        var interval = options.Current.PollInterval;
        var maxBackoff = options.Current.MaxBackoff;
        if (!store.TryUpdate(
                key,
                job =>
                {
                    var delay = PollBackoff.NextDelay(job.BackoffDelay, interval, maxBackoff);
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

    /// <summary>
    /// Folds a full listing of an organization into the watched jobs: refreshes the jobs it shows, admits new
    /// ones newest first (at the limit a newer job takes the place of the oldest discovered one; configured jobs
    /// are never displaced), drops terminal jobs it stopped showing once their retention has passed, and says
    /// which jobs still need a describe.
    /// </summary>
    public ListingPlan Listed(string organizationId, IReadOnlyList<ExportJobSummary> listed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var listedIds = new HashSet<string>(StringComparer.Ordinal);
        var newJobs = new List<ExportJobSummary>();
        foreach (var summary in listed)
        {
            if (!listedIds.Add(summary.JobId))
            {
                continue;
            }

            // Every completion the listing shows counts for coverage, also those beyond MaxWatchedJobs.
            completions.Saw(organizationId, summary);

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
                Succeeded(key, j => j.WithListing(summary, now) with { NeedsDescribe = OwesDescribe(j, summary) }, out _);
            }
        }

        var (added, skipped) = Admit(organizationId, newJobs, now);
        var unlisted = SweepUnlisted(organizationId, listedIds, now, out var dropped);
        var owed = store.Current.Values
            .Where(j => j.Key.OrganizationId == organizationId && j.NeedsDescribe && j.LastListedAt is not null)
            .Select(j => j.Key)
            .Except(unlisted)
            .ToList();
        return new ListingPlan(listedIds.Count, added, skipped, dropped, owed, unlisted);
    }

    /// <summary>Records that a listing (and the describes it owed) finished; logs recovery and the limit once.</summary>
    public void ListingSucceeded(string organizationId, ListingPlan plan, DateTimeOffset finishedAt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!organizations.TryUpdate(
                organizationId,
                o => o with { PollAttempted = true, LastPollSucceeded = true, LastPollSuccessAt = finishedAt, LastErrorCode = null, SkippedJobs = plan.Skipped, BackoffDelay = null, RetryAt = null },
                out var before))
        {
            return;
        }

        if (before.LastErrorCode is { } recoveredFrom)
        {
            Log.ListingRecovered(logger, organizationId, recoveredFrom);
        }

        // Said once when the number changes, not every cycle.
        if (plan.Skipped != before.SkippedJobs && plan.Skipped > 0)
        {
            Log.LimitReached(logger, organizationId, plan.Skipped, options.Start.MaxWatchedJobs);
        }

        Log.Listed(logger, organizationId, plan.Listed, plan.Added, plan.Dropped);
    }

    /// <summary>
    /// Records a failed listing. The jobs that needed it to stay fresh are now stale (terminal ones need nothing);
    /// an organization WorkMail says is missing or unusable is listed less often, doubling up to MaxBackoff.
    /// </summary>
    public void ListingFailed(string organizationId, string errorCode, string message, DateTimeOffset pollStartedAt)
    {
        var missing = WorkMailErrorCodes.IsMissing(errorCode);
        var interval = options.Current.PollInterval;
        var maxBackoff = options.Current.MaxBackoff;
        if (!organizations.TryUpdate(
                organizationId,
                o =>
                {
                    var failed = o with { PollAttempted = true, LastPollSucceeded = false, LastErrorCode = errorCode };
                    if (!missing)
                    {
                        return failed;
                    }

                    var delay = PollBackoff.NextDelay(o.BackoffDelay, interval, maxBackoff);
                    return failed with { BackoffDelay = delay, RetryAt = pollStartedAt + delay };
                },
                out var before))
        {
            return;
        }

        if (before.LastErrorCode != errorCode)
        {
            Log.ListingFailed(logger, organizationId, before.Region, errorCode, message);
        }

        if (missing && organizations.TryGet(organizationId, out var after) && after.BackoffDelay != before.BackoffDelay)
        {
            Log.OrganizationBackingOff(logger, organizationId, errorCode, after.RetryAt!.Value, after.BackoffDelay!.Value);
        }

        foreach (var job in store.Current.Values)
        {
            if (job.Key.OrganizationId == organizationId && (!job.IsTerminal || !job.PollAttempted))
            {
                store.TryUpdate(job.Key, j => j.WithFailure(errorCode, message), out _, out _);
            }
        }
    }

    /// <summary>A listed job still owes a describe if it never had one, or has just turned FAILED.</summary>
    private static bool OwesDescribe(ExportJobSnapshot job, ExportJobSummary summary) =>
        job.NeedsDescribe
        || job.Details is null
        || (summary.State == ExportJobState.Failed && job.Details.State != ExportJobState.Failed);

    private bool Succeeded(WatchedJobKey key, Func<ExportJobSnapshot, ExportJobSnapshot> update, out ExportJobSnapshot updated)
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
            Log.StateChanged(logger, key.JobId, key.OrganizationId, ExportJobStates.Name(old.State), ExportJobStates.Name(now.State));
        }

        if (updated.IsTerminal && !previous.IsTerminal)
        {
            Log.JobTerminal(logger, key.JobId, key.OrganizationId, ExportJobStates.Name(updated.Details!.State));
        }

        return true;
    }

    private (int Added, int Skipped) Admit(string organizationId, List<ExportJobSummary> newJobs, DateTimeOffset now)
    {
        var added = 0;
        var skipped = 0;
        foreach (var summary in newJobs.OrderByDescending(j => j.StartTime))
        {
            if (store.Current.Count >= options.Start.MaxWatchedJobs && !EvictOldestDiscovered(olderThan: summary.StartTime))
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
    /// Stops watching the discovered job that started longest ago, if it started before <paramref name="olderThan"/>
    /// (any, when null). Configured jobs are never evicted.
    /// </summary>
    private bool EvictOldestDiscovered(DateTimeOffset? olderThan)
    {
        var oldest = store.Current.Values
            .Where(j => !j.IsConfigured && j.Details is not null)
            .MinBy(j => j.Details!.StartTime);
        return oldest is not null && (olderThan is null || oldest.Details!.StartTime < olderThan) && store.Unwatch(oldest.Key);
    }

    /// <summary>
    /// Drops terminal jobs the listing stopped showing once their retention has passed, and returns the
    /// jobs that must be described directly: still running, or configured but never listed.
    /// </summary>
    private List<WatchedJobKey> SweepUnlisted(string organizationId, HashSet<string> listedIds, DateTimeOffset now, out int dropped)
    {
        dropped = 0;
        var directly = new List<WatchedJobKey>();
        var retention = options.Current.TerminalJobRetention;
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

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Polling export job {JobId} in {OrganizationId} failed with {ErrorCode}: {ErrorMessage}")]
        public static partial void DescribeFailed(ILogger logger, string jobId, string organizationId, string errorCode, string errorMessage, Exception? exception);

        [LoggerMessage(2, LogLevel.Information, "Polling export job {JobId} in {OrganizationId} works again after {ErrorCode}")]
        public static partial void Recovered(ILogger logger, string jobId, string organizationId, string errorCode);

        [LoggerMessage(3, LogLevel.Information, "Export job {JobId} in {OrganizationId} went from {FromState} to {ToState}")]
        public static partial void StateChanged(ILogger logger, string jobId, string organizationId, string fromState, string toState);

        [LoggerMessage(4, LogLevel.Information, "Export job {JobId} in {OrganizationId} is {State}; keeping its final values and polling it no more")]
        public static partial void JobTerminal(ILogger logger, string jobId, string organizationId, string state);

        [LoggerMessage(5, LogLevel.Warning, "Export job {JobId} in {OrganizationId} was not found ({ErrorCode}); it will be retried at {RetryAt:O}, {BackoffDelay} after this poll, backing off further while it stays missing: {ErrorMessage}")]
        public static partial void BackingOff(ILogger logger, string jobId, string organizationId, string errorCode, DateTimeOffset retryAt, TimeSpan backoffDelay, string errorMessage);

        [LoggerMessage(11, LogLevel.Warning, "Listing the export jobs of {OrganizationId} in {Region} failed with {ErrorCode}: {ErrorMessage}")]
        public static partial void ListingFailed(ILogger logger, string organizationId, string region, string errorCode, string errorMessage);

        [LoggerMessage(12, LogLevel.Information, "Listing the export jobs of {OrganizationId} works again after {ErrorCode}")]
        public static partial void ListingRecovered(ILogger logger, string organizationId, string errorCode);

        [LoggerMessage(13, LogLevel.Warning, "{OrganizationId} lists {Skipped} more export jobs than Watcher:MaxWatchedJobs ({MaxWatchedJobs}) allows; watching the newest")]
        public static partial void LimitReached(ILogger logger, string organizationId, int skipped, int maxWatchedJobs);

        [LoggerMessage(14, LogLevel.Debug, "Listed {OrganizationId}: {Listed} jobs, {Added} new, {Dropped} past retention")]
        public static partial void Listed(ILogger logger, string organizationId, int listed, int added, int dropped);

        [LoggerMessage(16, LogLevel.Warning, "Organization {OrganizationId} answered {ErrorCode}; its export jobs will be listed again at {RetryAt:O}, {BackoffDelay} after this poll, backing off further while it does")]
        public static partial void OrganizationBackingOff(ILogger logger, string organizationId, string errorCode, DateTimeOffset retryAt, TimeSpan backoffDelay);
    }
}
