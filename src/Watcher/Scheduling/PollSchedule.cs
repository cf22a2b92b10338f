using Quartz;
using Watcher.Jobs;

namespace Watcher.Scheduling;

/// <summary>
/// Keeps one Quartz job per watched export job. Each job polls once right away, then every interval at
/// an offset fixed by its key, so that many jobs spread over the interval instead of firing together.
/// </summary>
public sealed class PollSchedule(ISchedulerFactory schedulerFactory, TimeProvider time)
{
    public const string Group = "workmail-export-jobs";

    public static JobKey JobKeyFor(WatchedJobKey key) => new(key.ToString(), Group);

    public async Task ScheduleAsync(WatchedJobKey key, TimeSpan interval, bool pollNow, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var jobKey = JobKeyFor(key);
        var job = JobBuilder.Create<ExportJobPollJob>()
            .WithIdentity(jobKey)
            .UsingJobData(ExportJobPollJob.OrganizationIdKey, key.OrganizationId)
            .UsingJobData(ExportJobPollJob.JobIdKey, key.JobId)
            .Build();

        var now = time.GetUtcNow();
        var triggers = new List<ITrigger>(2);
        if (pollNow)
        {
            triggers.Add(TriggerBuilder.Create(time)
                .WithIdentity(jobKey.Name + "/now", Group)
                .StartAt(now)
                .Build());
        }

        triggers.Add(TriggerBuilder.Create(time)
            .WithIdentity(jobKey.Name + "/every", Group)
            .StartAt(now + Offset(key, interval))
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build());

        await scheduler.ScheduleJob(job, triggers, ScheduleJobOptions.Replacing, cancellationToken);
    }

    public async Task UnscheduleAsync(WatchedJobKey key, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(JobKeyFor(key), cancellationToken);
    }

    /// <summary>A stable point in (0, interval] for this job, from an FNV-1a hash of its key.</summary>
    public static TimeSpan Offset(WatchedJobKey key, TimeSpan interval)
    {
        var hash = 2166136261u;
        foreach (var c in key.ToString())
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        var ticks = Math.Max(1, interval.Ticks);
        return TimeSpan.FromTicks(1 + (long)(hash % (ulong)ticks));
    }
}
