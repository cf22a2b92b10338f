using Microsoft.Extensions.Time.Testing;
using Watcher.Clients;
using Watcher.Testing.Waiting;

namespace Watcher.Tests.WorkMail;

public sealed class RequestRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AcquireAsync_BurstAvailable_CompletesAtOnceThenWaitsOneIntervalPerToken()
    {
        var limiter = new RequestRateLimiter(2, _time);

        await limiter.AcquireAsync(CancellationToken.None);
        await limiter.AcquireAsync(CancellationToken.None);
        var third = limiter.AcquireAsync(CancellationToken.None).AsTask();
        var fourth = limiter.AcquireAsync(CancellationToken.None).AsTask();

        Assert.Equal(2, limiter.Burst);
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await third;
        Assert.False(fourth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await fourth;
    }

    [Fact]
    public async Task AcquireAsync_ManyWaitersOverSimulatedMinute_NeverExceedsRateTimesElapsedPlusBurst()
    {
        const double Rate = 2;
        var limiter = new RequestRateLimiter(Rate, _time);
        var started = _time.GetUtcNow();
        var granted = new List<DateTimeOffset>();
        var waiters = Enumerable.Range(0, 200)
            .Select(async _ =>
            {
                await limiter.AcquireAsync(CancellationToken.None);
                lock (granted)
                {
                    granted.Add(_time.GetUtcNow());
                }
            })
            .ToList();

        for (var step = 0; step < 600; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            var elapsed = (_time.GetUtcNow() - started).TotalSeconds;
            lock (granted)
            {
                Assert.True(granted.Count <= (Rate * elapsed) + limiter.Burst, $"{granted.Count} grants after {elapsed} s");
            }
        }

        // After 60 s: 2 at once plus 2 a second (continuations of the fake timers may still be on their way).
        // Generous: on a loaded machine the thread pool may take a while to run them all.
        await Wait.UntilAsync(
            () => Task.FromResult(Volatile.Read(ref granted).Count >= 122),
            TimeSpan.FromSeconds(30),
            () => "the grants of the first minute",
            every: TimeSpan.FromMilliseconds(10));

        lock (granted)
        {
            Assert.Equal(2 + 120, granted.Count);
        }

        _time.Advance(TimeSpan.FromMinutes(5));
        await Task.WhenAll(waiters);
        Assert.Equal(200, granted.Count);
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_GivesItsTokenBack()
    {
        var limiter = new RequestRateLimiter(1, _time);
        await limiter.AcquireAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        // The cancelled waiter's slot is free again, so the next one is due after one second, not two.
        var next = limiter.AcquireAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AcquireAsync_IdleLongerThanBurst_SavesUpNoMoreThanBurst()
    {
        var limiter = new RequestRateLimiter(5, _time);
        _time.Advance(TimeSpan.FromHours(1));

        for (var i = 0; i < 5; i++)
        {
            await limiter.AcquireAsync(CancellationToken.None);
        }

        Assert.False(limiter.AcquireAsync(CancellationToken.None).AsTask().IsCompleted);
    }
}
