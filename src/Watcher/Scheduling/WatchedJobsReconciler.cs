using Watcher.Configuration;
using Watcher.Coverage;
using Watcher.Jobs;

namespace Watcher.Scheduling;

/// <summary>
/// Makes the watched organizations and jobs, and the Quartz schedule, match a configuration. Added
/// organizations and jobs are polled right away; removed ones are unscheduled and lose their series;
/// terminal jobs stay unscheduled. A configured job whose organization is also watched by discovery is
/// polled through that organization's listing, so it is watched once.
/// </summary>
public sealed partial class WatchedJobsReconciler(
    ExportJobStore store,
    OrganizationStore organizations,
    CoverageStore coverage,
    WatchedJobs watched,
    PollSchedule schedule,
    IDefaultRegionSource defaultRegion,
    ILogger<WatchedJobsReconciler> logger) : IDisposable
{
    private const int ManyJobs = 20;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private TimeSpan? _interval;
    private TimeSpan? _coverageInterval;

    public async Task ReconcileAsync(WatcherOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var intervalChanged = _interval is { } previous && previous != options.PollInterval;
            _interval = options.PollInterval;
            var coverageChanged = _coverageInterval != (options.Coverage.Enabled ? options.Coverage.Interval : null);
            _coverageInterval = options.Coverage.Enabled ? options.Coverage.Interval : null;

            var desiredOrganizations = options.Organizations.ToDictionary(o => o.OrganizationId, StringComparer.Ordinal);
            var desiredJobs = options.Jobs.Select(j => new WatchedJobKey(j.OrganizationId, j.JobId)).ToHashSet();

            await RemoveOrganizationsAsync(desiredOrganizations, desiredJobs, cancellationToken);
            await RemoveJobsAsync(desiredOrganizations, desiredJobs, cancellationToken);
            await AddOrganizationsAsync(options, desiredOrganizations, intervalChanged, coverageChanged, cancellationToken);
            await AddJobsAsync(options, desiredOrganizations, desiredJobs, intervalChanged, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task RemoveOrganizationsAsync(Dictionary<string, OrganizationOptions> desired, HashSet<WatchedJobKey> desiredJobs, CancellationToken cancellationToken)
    {
        foreach (var organizationId in organizations.Current.Keys.Where(id => !desired.ContainsKey(id)))
        {
            await schedule.UnscheduleOrganizationAsync(organizationId, cancellationToken);
            await schedule.UnscheduleCoverageAsync(organizationId, cancellationToken);
            watched.UnwatchOrganization(organizationId, desiredJobs);
            coverage.Remove(organizationId);

            Log.OrganizationUnwatched(logger, organizationId);
        }
    }

    private async Task RemoveJobsAsync(Dictionary<string, OrganizationOptions> desiredOrganizations, HashSet<WatchedJobKey> desiredJobs, CancellationToken cancellationToken)
    {
        foreach (var job in store.Current.Values.Where(j => !desiredJobs.Contains(j.Key)))
        {
            if (desiredOrganizations.ContainsKey(job.Key.OrganizationId) && job.LastListedAt is not null)
            {
                // Still listed by its organization: it stays, as a discovered job.
                watched.ReleaseToDiscovery(job.Key);
            }
            else if (!desiredOrganizations.ContainsKey(job.Key.OrganizationId))
            {
                await schedule.UnscheduleAsync(job.Key, cancellationToken);
                watched.Unwatch(job.Key);
                Log.Unwatched(logger, job.Key.JobId, job.Key.OrganizationId);
            }
            else if (job.IsConfigured)
            {
                watched.Unwatch(job.Key);
                Log.Unwatched(logger, job.Key.JobId, job.Key.OrganizationId);
            }
        }
    }

    private async Task AddOrganizationsAsync(
        WatcherOptions options, Dictionary<string, OrganizationOptions> desired, bool intervalChanged, bool coverageChanged, CancellationToken cancellationToken)
    {
        foreach (var organization in desired.Values)
        {
            var region = string.IsNullOrWhiteSpace(organization.Region) ? AwsSettings.ResolveRegion(options.Aws, defaultRegion)! : organization.Region;
            var added = watched.WatchOrganization(new OrganizationSnapshot(organization.OrganizationId)
            {
                Alias = string.IsNullOrWhiteSpace(organization.Alias) ? null : organization.Alias,
                Region = region,
                RoleArn = string.IsNullOrWhiteSpace(organization.RoleArn) ? null : organization.RoleArn,
                ExternalId = string.IsNullOrEmpty(organization.ExternalId) ? null : organization.ExternalId,
            });
            if (added || intervalChanged)
            {
                await schedule.ScheduleOrganizationAsync(organization.OrganizationId, options.PollInterval, pollNow: added, cancellationToken);
            }

            if (!options.Coverage.Enabled)
            {
                await schedule.UnscheduleCoverageAsync(organization.OrganizationId, cancellationToken);
                coverage.Remove(organization.OrganizationId);
            }
            else if (added || coverageChanged)
            {
                await schedule.ScheduleCoverageAsync(organization.OrganizationId, options.Coverage.Interval, scanNow: true, cancellationToken);
            }

            if (added)
            {
                Log.OrganizationWatched(logger, organization.OrganizationId, region, options.PollInterval);
            }
        }
    }

    private async Task AddJobsAsync(
        WatcherOptions options,
        Dictionary<string, OrganizationOptions> desiredOrganizations,
        HashSet<WatchedJobKey> desiredJobs,
        bool intervalChanged,
        CancellationToken cancellationToken)
    {
        var organizationsToPoll = new HashSet<string>(StringComparer.Ordinal);
        var toSchedule = new List<(WatchedJobKey Key, bool PollNow)>();
        var addedKeys = new List<WatchedJobKey>();
        foreach (var key in desiredJobs)
        {
            // Configured jobs always fit (validation caps them); discovery gives up its oldest.
            var added = watched.WatchConfigured(key);

            if (desiredOrganizations.ContainsKey(key.OrganizationId))
            {
                // Its organization's listing polls it; a job of its own would poll it twice.
                await schedule.UnscheduleAsync(key, cancellationToken);
                if (added)
                {
                    organizationsToPoll.Add(key.OrganizationId);
                }

                continue;
            }

            store.TryGet(key, out var job);
            var scheduled = !added && await schedule.IsScheduledAsync(key, cancellationToken);
            if (!job.IsTerminal && (!scheduled || intervalChanged))
            {
                toSchedule.Add((key, PollNow: !scheduled));
            }

            if (added)
            {
                addedKeys.Add(key);
            }
        }

        await schedule.ScheduleAsync(toSchedule, options.PollInterval, cancellationToken);

        // A line per job reads well for a handful; thousands at start would bury everything else in the log.
        var each = addedKeys.Count <= ManyJobs ? LogLevel.Information : LogLevel.Debug;
        foreach (var key in addedKeys)
        {
            Log.Watching(logger, each, key.JobId, key.OrganizationId, options.PollInterval);
        }

        if (addedKeys.Count > ManyJobs)
        {
            Log.WatchingMany(logger, addedKeys.Count, addedKeys.Select(k => k.OrganizationId).Distinct().Count(), options.PollInterval);
        }

        foreach (var organizationId in organizationsToPoll.Where(id => organizations.TryGet(id, out var o) && o.PollAttempted))
        {
            await schedule.PollOrganizationNowAsync(organizationId, cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Message = "Watching export job {JobId} in {OrganizationId}, every {PollInterval}")]
        public static partial void Watching(ILogger logger, LogLevel level, string jobId, string organizationId, TimeSpan pollInterval);

        [LoggerMessage(2, LogLevel.Information, "No longer watching export job {JobId} in {OrganizationId}")]
        public static partial void Unwatched(ILogger logger, string jobId, string organizationId);

        [LoggerMessage(3, LogLevel.Information, "Discovering the export jobs of {OrganizationId} in {Region}, every {PollInterval}")]
        public static partial void OrganizationWatched(ILogger logger, string organizationId, string region, TimeSpan pollInterval);

        [LoggerMessage(4, LogLevel.Information, "No longer watching organization {OrganizationId}")]
        public static partial void OrganizationUnwatched(ILogger logger, string organizationId);

        public static void WatchingMany(ILogger logger, int count, int organizations, TimeSpan pollInterval) =>
            WatchingMany(logger, Plural.Of(count, "more export job"), Plural.Of(organizations, "organization"), pollInterval);

        [LoggerMessage(5, LogLevel.Information, "Watching {Count} in {Organizations}, every {PollInterval} (each one logged at Debug)")]
        private static partial void WatchingMany(ILogger logger, string count, string organizations, TimeSpan pollInterval);
    }
}
