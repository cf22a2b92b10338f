using Quartz;
using Watcher.Jobs;

namespace Watcher.Scheduling;

/// <summary>
/// Keeps one Quartz job per explicitly watched export job and one per organization. Each polls once right
/// away, then every interval at an offset fixed by its key, so that many spread over the interval instead
/// of firing together.
/// </summary>
public sealed class PollSchedule(ISchedulerFactory schedulerFactory, TimeProvider time)
{
    public const string Group = "workmail-export-jobs";
    public const string OrganizationGroup = "workmail-organizations";
    public const string CoverageGroup = "workmail-coverage";

    public static JobKey JobKeyFor(WatchedJobKey key) => new(key.ToString(), Group);

    public static JobKey JobKeyFor(string organizationId) => new(organizationId, OrganizationGroup);

    public static JobKey CoverageKeyFor(string organizationId) => new(organizationId, CoverageGroup);

    /// <summary>
    /// Schedules many export jobs in one call to the scheduler: at start with thousands of configured jobs, one call
    /// each cost seconds, while the first polls were already competing for the same two cores.
    /// </summary>
    public async Task ScheduleAsync(IReadOnlyCollection<(WatchedJobKey Key, bool PollNow)> jobs, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var batch = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>(jobs.Count);
        foreach (var (key, pollNow) in jobs)
        {
            var job = JobFor(key);
            batch[job] = TriggersFor(job.Key, interval, pollNow, now);
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.ScheduleJobs(batch, ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task ScheduleOrganizationAsync(string organizationId, TimeSpan interval, bool pollNow, CancellationToken cancellationToken) =>
        ScheduleAsync(
            JobBuilder.Create<OrganizationPollJob>()
                .WithIdentity(JobKeyFor(organizationId))
                .UsingJobData(OrganizationPollJob.OrganizationIdKey, organizationId)
                .Build(),
            interval,
            pollNow,
            cancellationToken);

    /// <summary>Scans an organization's coverage at once (it waits for the first listing), then every interval.</summary>
    public Task ScheduleCoverageAsync(string organizationId, TimeSpan interval, bool scanNow, CancellationToken cancellationToken) =>
        ScheduleAsync(
            JobBuilder.Create<CoverageScanJob>()
                .WithIdentity(CoverageKeyFor(organizationId))
                .UsingJobData(CoverageScanJob.OrganizationIdKey, organizationId)
                .Build(),
            interval,
            scanNow,
            cancellationToken);

    /// <summary>One more scan after <paramref name="delay"/>, beside the regular ones.</summary>
    public async Task ScanCoverageAtAsync(string organizationId, TimeSpan delay, CancellationToken cancellationToken)
    {
        var key = CoverageKeyFor(organizationId);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(key.Name + "/soon", key.Group)
            .ForJob(key)
            .StartAt(time.GetUtcNow() + delay)
            .Build();
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task UnscheduleCoverageAsync(string organizationId, CancellationToken cancellationToken) => DeleteAsync(CoverageKeyFor(organizationId), cancellationToken);

    public Task UnscheduleAsync(WatchedJobKey key, CancellationToken cancellationToken) => DeleteAsync(JobKeyFor(key), cancellationToken);

    public Task UnscheduleOrganizationAsync(string organizationId, CancellationToken cancellationToken) => DeleteAsync(JobKeyFor(organizationId), cancellationToken);

    public async Task<bool> IsScheduledAsync(WatchedJobKey key, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return await scheduler.Exists(JobKeyFor(key), cancellationToken);
    }

    /// <summary>Polls an organization now, outside its schedule (e.g. for a job just added to the configuration).</summary>
    public async Task PollOrganizationNowAsync(string organizationId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(JobKeyFor(organizationId), cancellationToken);
    }

    /// <summary>A stable point in (0, interval] for a key, from an FNV-1a hash.</summary>
    public static TimeSpan Offset(string key, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        var ticks = Math.Max(1, interval.Ticks);
        return TimeSpan.FromTicks(1 + (long)(hash % (ulong)ticks));
    }

    private async Task ScheduleAsync(IJobDetail job, TimeSpan interval, bool pollNow, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.ScheduleJob(job, TriggersFor(job.Key, interval, pollNow, time.GetUtcNow()), ScheduleJobOptions.Replacing, cancellationToken);
    }

    private static IJobDetail JobFor(WatchedJobKey key) =>
        JobBuilder.Create<ExportJobPollJob>()
            .WithIdentity(JobKeyFor(key))
            .UsingJobData(ExportJobPollJob.OrganizationIdKey, key.OrganizationId)
            .UsingJobData(ExportJobPollJob.JobIdKey, key.JobId)
            .Build();

    private List<ITrigger> TriggersFor(JobKey key, TimeSpan interval, bool pollNow, DateTimeOffset now)
    {
        var triggers = new List<ITrigger>(2);
        if (pollNow)
        {
            triggers.Add(TriggerBuilder.Create(time)
                .WithIdentity(key.Name + "/now", key.Group)
                .StartAt(now)
                .Build());
        }

        triggers.Add(TriggerBuilder.Create(time)
            .WithIdentity(key.Name + "/every", key.Group)
            .StartAt(now + Offset(key.Name, interval))
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build());
        return triggers;
    }

    private async Task DeleteAsync(JobKey key, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(key, cancellationToken);
    }
}
