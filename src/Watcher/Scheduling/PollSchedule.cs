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

    public static JobKey JobKeyFor(WatchedJobKey key) => new(key.ToString(), Group);

    public static JobKey JobKeyFor(string organizationId) => new(organizationId, OrganizationGroup);

    public Task ScheduleAsync(WatchedJobKey key, TimeSpan interval, bool pollNow, CancellationToken cancellationToken) =>
        ScheduleAsync(
            JobBuilder.Create<ExportJobPollJob>()
                .WithIdentity(JobKeyFor(key))
                .UsingJobData(ExportJobPollJob.OrganizationIdKey, key.OrganizationId)
                .UsingJobData(ExportJobPollJob.JobIdKey, key.JobId)
                .Build(),
            interval,
            pollNow,
            cancellationToken);

    public Task ScheduleOrganizationAsync(string organizationId, TimeSpan interval, bool pollNow, CancellationToken cancellationToken) =>
        ScheduleAsync(
            JobBuilder.Create<OrganizationPollJob>()
                .WithIdentity(JobKeyFor(organizationId))
                .UsingJobData(OrganizationPollJob.OrganizationIdKey, organizationId)
                .Build(),
            interval,
            pollNow,
            cancellationToken);

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
        var name = job.Key.Name;
        var now = time.GetUtcNow();
        var triggers = new List<ITrigger>(2);
        if (pollNow)
        {
            triggers.Add(TriggerBuilder.Create(time)
                .WithIdentity(name + "/now", job.Key.Group)
                .StartAt(now)
                .Build());
        }

        triggers.Add(TriggerBuilder.Create(time)
            .WithIdentity(name + "/every", job.Key.Group)
            .StartAt(now + Offset(name, interval))
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build());

        await scheduler.ScheduleJob(job, triggers, ScheduleJobOptions.Replacing, cancellationToken);
    }

    private async Task DeleteAsync(JobKey key, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(key, cancellationToken);
    }
}
