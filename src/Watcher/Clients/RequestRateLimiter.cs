namespace Watcher.Clients;

/// <summary>
/// A token bucket on <see cref="TimeProvider"/>: <see cref="RatePerSecond"/> tokens a second, at most
/// <see cref="Burst"/> saved up. Each <see cref="AcquireAsync"/> reserves the next token at once and then waits
/// until it is due, so waiters are served in arrival order and over any window of T seconds at most
/// <c>Burst + RatePerSecond × T</c> acquisitions complete. A cancelled wait gives its token back.
/// </summary>
/// <remarks>
/// The BCL's <c>TokenBucketRateLimiter</c> replenishes on its own timer and reads the wall clock, so it cannot
/// follow a <see cref="TimeProvider"/>; this one can, which keeps tests deterministic.
/// </remarks>
public sealed class RequestRateLimiter
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _refilledAt;

    public RequestRateLimiter(double ratePerSecond, TimeProvider time, double? burst = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ratePerSecond, 0);
        RatePerSecond = ratePerSecond;
        Burst = burst ?? DefaultBurst(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(Burst, 1);
        _time = time;
        _tokens = Burst;
        _refilledAt = time.GetTimestamp();
    }

    public double RatePerSecond { get; }

    public double Burst { get; }

    /// <summary>One second's worth of requests, and at least one.</summary>
    public static double DefaultBurst(double ratePerSecond) => Math.Max(1, Math.Floor(ratePerSecond));

    /// <summary>Waits until one more request fits in the budget.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TimeSpan wait;
        lock (_gate)
        {
            Refill();
            _tokens -= 1;
            if (_tokens >= 0)
            {
                return;
            }

            wait = TimeSpan.FromSeconds(-_tokens / RatePerSecond);
        }

        try
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                Refill();
                _tokens = Math.Min(Burst, _tokens + 1);
            }

            throw;
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = (now - _refilledAt) / (double)_time.TimestampFrequency;
        _refilledAt = now;
        _tokens = Math.Min(Burst, _tokens + (elapsed * RatePerSecond));
    }
}
