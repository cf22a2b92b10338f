using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Time.Testing;
using Watcher.Testing.Waiting;
using Watcher.Clients;

namespace Watcher.Testing.Time;

/// <summary>
/// The app's view of a <see cref="SimulatedTime"/>: the same clock, but it keeps track of its request budget
/// (<see cref="RequestRateLimiter"/>): how many requests the budget has let go, and the timers of the calls still
/// waiting on it. So the driver can tell a poll that waits for the clock from one that waits for the network.
/// Every other timer (Quartz's, a scrape's deadline) is the clock's own.
/// </summary>
/// <remarks>
/// The budget is recognised as the caller: <see cref="RequestRateLimiter.AcquireAsync"/> reads the clock once, and
/// creates its timer, before its first await. (A wait cancelled at shutdown reads it once more, to give its token
/// back; the driver does not run then.)
/// </remarks>
internal sealed class AppClock(FakeTimeProvider clock, Signal changed) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AppTimer, DateTimeOffset> _pending = [];
    private long _acquired;

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override long TimestampFrequency => clock.TimestampFrequency;

    /// <summary>When the earliest wait on the budget is due; null when nothing waits on it.</summary>
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

    /// <summary>Calls waiting on the budget.</summary>
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

    /// <summary>Requests the budget has let go, at once or after a wait: each should reach the server.</summary>
    public long LetGo
    {
        get
        {
            lock (_gate)
            {
                return Interlocked.Read(ref _acquired) - _pending.Count;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp()
    {
        if (CalledFromBudget())
        {
            Interlocked.Increment(ref _acquired);
        }

        return clock.GetTimestamp();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (!CalledFromBudget())
        {
            return clock.CreateTimer(callback, state, dueTime, period);
        }

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

    /// <summary>
    /// Whether <see cref="RequestRateLimiter"/> itself is asking, from its <see cref="RequestRateLimiter.AcquireAsync"/>
    /// rather than its constructor: the first caller outside this class and the runtime (Task.Delay) is the limiter.
    /// Further down the stack it may be anything, since continuations run inline after a wait ends.
    /// </summary>
    private static bool CalledFromBudget()
    {
        foreach (var frame in new StackTrace(1, fNeedFileInfo: false).GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            if (type is null || type == typeof(AppClock) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            {
                continue;
            }

            return method is not ConstructorInfo && (type == typeof(RequestRateLimiter) || type.DeclaringType == typeof(RequestRateLimiter));
        }

        return false;
    }
}
