using Quartz;

namespace Watcher.Testing.Time;

/// <summary>What the app's Quartz scheduler is doing at a given moment of its clock.</summary>
public static class SchedulerState
{
    /// <summary>Triggers that could fire now and have not: due, and not blocked behind their job's running poll.</summary>
    public static async Task<int> DueCountAsync(IScheduler scheduler, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var query = new TriggerQuery { State = TriggerState.Normal, NextFireTimeBefore = now.AddTicks(1), Take = 0, IncludeTotalCount = true };
        return (await scheduler.QueryTriggers(query)).TotalCount ?? 0;
    }

    /// <summary>
    /// Firings running, or reserved and due: Quartz reserves a trigger up to its idle wait before the fire time,
    /// and such a reservation is not yet work.
    /// </summary>
    public static async Task<int> RunningCountAsync(IScheduler scheduler, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var firings = (await scheduler.QueryFireInstances(new FireInstanceQuery { State = null, Take = PagedQuery.All })).Items;
        return firings.Count(f => f.State == FireInstanceState.Executing || f.ScheduledFireTimeUtc <= now);
    }

    /// <summary>Nothing due and nothing running.</summary>
    public static async Task<bool> IsIdleAsync(IScheduler scheduler, DateTimeOffset now) =>
        await DueCountAsync(scheduler, now) == 0 && await RunningCountAsync(scheduler, now) == 0;

    /// <summary>The earliest fire time of any trigger after <paramref name="now"/>; null when none will fire.</summary>
    public static async Task<DateTimeOffset?> NextFireTimeAfterAsync(IScheduler scheduler, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var triggers = (await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All })).Items;
        return triggers.Select(t => t.NextFireTimeUtc).Where(t => t > now).Min();
    }

    /// <summary>Every trigger with its next fire time and state, for a failure message.</summary>
    public static async Task<string> DescribeAsync(IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var triggers = (await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All })).Items;
        return string.Join("; ", triggers.Select(t => $"{t.Key} next {t.NextFireTimeUtc:O} state {t.State}"));
    }
}
