using Quartz;
using Watcher.Testing.Waiting;

namespace Watcher.Testing.Time;

/// <summary>Pulses a <see cref="Signal"/> whenever the scheduler fires, finishes, schedules or deletes something.</summary>
internal sealed class SchedulerActivity(Signal changed) : IJobListener, ITriggerListener, ISchedulerListener
{
    public string Name => "watcher-testing-activity";

    ValueTask IJobListener.JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => Pulse();

    ValueTask IJobListener.JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => Pulse();

    ValueTask IJobListener.JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken) => Pulse();

    ValueTask ITriggerListener.TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken) => Pulse();

    ValueTask ITriggerListener.TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken) => Pulse();

    ValueTask ISchedulerListener.JobScheduled(IScheduler scheduler, ITrigger trigger, CancellationToken cancellationToken) => Pulse();

    ValueTask ISchedulerListener.JobDeleted(IScheduler scheduler, JobKey jobKey, CancellationToken cancellationToken) => Pulse();

    private ValueTask Pulse()
    {
        changed.Pulse();
        return ValueTask.CompletedTask;
    }
}
