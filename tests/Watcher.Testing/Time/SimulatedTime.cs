using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Watcher.Testing.Waiting;

namespace Watcher.Testing.Time;

/// <summary>
/// One fake clock for the app, its Quartz scheduler, its request budget and the simulator, and a driver that moves
/// it the way real time would, only faster: from one due trigger or budget wait to the next, and after each step only
/// once every poll it started has finished or waits for the clock again. Nothing sleeps: the driver re-checks
/// when the scheduler, the budget or the test's own probe (<see cref="Changed"/>) reports something.
/// </summary>
/// <remarks>
/// The AWS SDK sleeps its retry backoff in real time. A poll in a backoff is busy, not waiting for the clock, so
/// the clock stands still during it unless another poll waits on the request budget meanwhile.
/// </remarks>
public sealed class SimulatedTime
{
    /// <summary>
    /// How long polls in flight must hold still, with calls waiting on the request budget, before they count as
    /// waiting for the clock rather than busy between two steps of their own (an answer parsed, the next call made).
    /// </summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(30);

    /// <summary>Real time a step may take before the test fails, saying what was still running.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    private readonly AppClock _app;
    private IScheduler? _scheduler;

    public SimulatedTime(DateTimeOffset? start = null)
    {
        Clock = new FakeTimeProvider(start ?? DateTimeOffset.UtcNow);
        _app = new AppClock(Clock, Changed);
    }

    /// <summary>For Quartz and the simulator.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>For the app's own services: the same time, with the waits on the request budget tracked.</summary>
    public TimeProvider AppClock => _app;

    /// <summary>Pulsed by the scheduler and the request budget; a test may pulse it too, e.g. from a proxy.</summary>
    public Signal Changed { get; } = new();

    /// <summary>Real work the test can see and the driver cannot (requests in flight at a proxy): time stands still while it is true.</summary>
    public Func<bool>? Busy { get; set; }

    /// <summary>
    /// How many WorkMail requests have reached the server so far (e.g. a proxy's count). With it, a request the
    /// budget has let go counts as on its way until it has arrived, however long the trip takes (the first call of
    /// a client takes most of a second); without it, <see cref="Quiet"/> is all there is.
    /// </summary>
    public Func<long>? Arrivals { get; set; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Starts watching the app's scheduler; called by the host once the app has started.</summary>
    public void Attach(IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var activity = new SchedulerActivity(Changed);
        scheduler.ListenerManager.AddJobListener(activity, [Matchers.AllJobs()]);
        scheduler.ListenerManager.AddTriggerListener(activity, [Matchers.AllTriggers()]);
        scheduler.ListenerManager.AddSchedulerListener(activity);
        _scheduler = scheduler;
    }

    /// <summary>Lets <paramref name="span"/> of simulated time pass, step by step.</summary>
    public async Task AdvanceAsync(TimeSpan span)
    {
        var target = Now + span;
        await SettleAsync();
        while (Now < target)
        {
            await StepAsync(target);
        }
    }

    /// <summary>
    /// Lets simulated time pass until <paramref name="probe"/> returns a value, checking after every step, and fails
    /// the test, naming <paramref name="what"/>, if none comes within <paramref name="within"/> of simulated time.
    /// </summary>
    public async Task<T> AdvanceUntilAsync<T>(Func<Task<T?>> probe, TimeSpan within, Func<string> what)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(what);
        var limit = Now + within;
        while (true)
        {
            await SettleAsync();
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(Now < limit, $"Not within {within} of simulated time: {what()}");
            await StepAsync(limit);
        }
    }

    /// <summary>
    /// Returns once nothing is due and every poll has finished, or the ones left wait for the clock: on the request
    /// budget, with every request it has let go arrived (when <see cref="Arrivals"/> can tell) and nothing else moving
    /// for <see cref="Quiet"/>. An idle scheduler is read twice in a row, so that a firing between two reads is not missed.
    /// </summary>
    public async Task SettleAsync()
    {
        var scheduler = _scheduler ?? throw new InvalidOperationException("No scheduler attached yet.");
        var started = Stopwatch.GetTimestamp();
        var lastChange = started;
        var idleReads = 0;
        while (true)
        {
            var next = Changed.Next;
            var due = await SchedulerState.DueCountAsync(scheduler, Now);
            var running = await SchedulerState.RunningCountAsync(scheduler, Now);
            var busy = Busy?.Invoke() == true;
            if (due == 0 && running == 0 && !busy)
            {
                if (++idleReads >= 2)
                {
                    return;
                }
            }
            else
            {
                // Triggers may be due and unable to fire while every thread of Quartz's pool runs a poll that waits.
                idleReads = 0;
                var onTheirWay = Arrivals is { } arrived ? _app.LetGo - arrived() : 0;
                if (!busy && onTheirWay <= 0 && _app.Pending > 0 && Stopwatch.GetElapsedTime(lastChange) >= Quiet)
                {
                    return;
                }
            }

            if (Stopwatch.GetElapsedTime(started) > StepTimeout)
            {
                Assert.Fail($"Polls did not settle within {StepTimeout} at {Now:O}: {due} due, {running} running, busy {busy}, {_app.Pending} waiting on the budget, {_app.LetGo} let go by it; triggers: {await SchedulerState.DescribeAsync(scheduler)}");
            }

            // A second read follows at once; a busy app is looked at again when something changes, or after the quiet time.
            var wait = idleReads > 0 ? TimeSpan.FromMilliseconds(2) : Quiet;
            if (await Task.WhenAny(next, Task.Delay(wait)) == next)
            {
                lastChange = Stopwatch.GetTimestamp();
            }
        }
    }

    /// <summary>
    /// Moves the clock to whatever happens next (a trigger fires, a wait on the budget ends) but not past
    /// <paramref name="limit"/>, then settles. Never further: a jump over a trigger's fire time would be a misfire.
    /// </summary>
    private async Task StepAsync(DateTimeOffset limit)
    {
        var now = Now;
        var next = limit;
        if (await SchedulerState.NextFireTimeAfterAsync(_scheduler!, now) is { } fire && fire < next)
        {
            next = fire;
        }

        if (_app.NextDue is { } timer && timer > now && timer < next)
        {
            next = timer;
        }

        if (next > now)
        {
            Clock.Advance(next - now);
        }

        await SettleAsync();
    }
}
