using Microsoft.Extensions.Time.Testing;
using Watcher.Testing.Waiting;

namespace Watcher.Testing.Time;

/// <summary>
/// The app's view of a <see cref="SimulatedTime"/>: the same clock, but it keeps track of the timers the app's
/// own services wait on (the per-region request budget is the only one), so the driver can tell a poll that
/// waits for the clock from one that waits for the network. Quartz and the simulator use the clock itself.
/// </summary>
internal sealed class AppClock(FakeTimeProvider clock, Signal changed) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AppTimer, DateTimeOffset> _pending = [];

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override long TimestampFrequency => clock.TimestampFrequency;

    /// <summary>When the earliest timer the app waits on is due; null when it waits on none.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count == 0 ? null : _pending.Values.Min();
            }
        }
    }

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new AppTimer(this);
        timer.Start(clock.CreateTimer(s => timer.Fire(callback, s), state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan), dueTime, period);
        return timer;
    }

    internal void Schedule(AppTimer timer, DateTimeOffset? due)
    {
        lock (_gate)
        {
            if (due is { } at)
            {
                _pending[timer] = at;
            }
            else
            {
                _pending.Remove(timer);
            }
        }

        changed.Pulse();
    }
}
