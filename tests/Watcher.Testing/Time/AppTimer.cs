namespace Watcher.Testing.Time;

/// <summary>A timer of the clock's, which tells its <see cref="AppClock"/> when it is next due.</summary>
internal sealed class AppTimer(AppClock owner) : ITimer
{
    private readonly Lock _gate = new();
    private ITimer _inner = null!;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private DateTimeOffset? _due;

    public void Start(ITimer inner, TimeSpan dueTime, TimeSpan period)
    {
        _inner = inner;
        Change(dueTime, period);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _period = period;
            _due = dueTime == Timeout.InfiniteTimeSpan ? null : owner.GetUtcNow() + dueTime;
            owner.Schedule(this, _due);
        }

        // The fake clock fires a timer that is already due from inside Change, so it is tracked first.
        return _inner.Change(dueTime, period);
    }

    public void Fire(TimerCallback callback, object? state)
    {
        lock (_gate)
        {
            _due = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? _due + _period : null;
            owner.Schedule(this, _due);
        }

        callback(state);
    }

    public void Dispose()
    {
        owner.Schedule(this, null);
        _inner.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        owner.Schedule(this, null);
        return _inner.DisposeAsync();
    }
}
