using Microsoft.Extensions.Time.Testing;
using Watcher.Clients;
using Watcher.Tests.Support;

namespace Watcher.Tests.Clients;

public sealed class ApiActivityTests
{
    private readonly FakeTimeProvider _time = new(TestJobs.Start);

    [Fact]
    public void Snapshot_AfterCallsErrorsAndRetries_CountsThemInWindowAndTotal()
    {
        var activity = new ApiActivity(_time);
        for (var i = 0; i < 4; i++)
        {
            activity.CallStarted();
            activity.CallSucceeded();
        }

        activity.CallStarted();
        activity.Retried("ThrottlingException");
        activity.Retried("TooManyRequestsException");
        _time.Advance(TimeSpan.FromSeconds(3));
        activity.CallFailed("ThrottlingException");

        var snapshot = activity.Snapshot();

        Assert.Equal(new ApiCounts(5, 1, 2), snapshot.Recent);
        Assert.Equal(new ApiCounts(5, 1, 2), snapshot.SinceStart);
        Assert.Equal(0.2, snapshot.Recent.ErrorRatio);
        Assert.Equal(0.4, snapshot.Recent.ThrottleRatio);
        Assert.Equal(TestJobs.Start.AddSeconds(3), snapshot.LastCallAt);
        Assert.Equal(TestJobs.Start.AddSeconds(3), snapshot.LastErrorAt);
        Assert.Equal("ThrottlingException", snapshot.LastErrorCode);
    }

    [Fact]
    public void Retried_WithServerError_IsNotCountedAsThrottling()
    {
        var activity = new ApiActivity(_time);
        activity.CallStarted();
        activity.Retried("InternalFailure");
        activity.Retried("LimitExceededException");

        Assert.Equal(1, activity.Snapshot().Recent.Throttled);
    }

    [Fact]
    public void Snapshot_AfterWindowPasses_ForgetsRecentCallsButKeepsTotals()
    {
        var activity = new ApiActivity(_time);
        activity.CallStarted();
        activity.CallFailed("AccessDeniedException");
        _time.Advance(ApiActivity.Window - TimeSpan.FromMinutes(2));
        activity.CallStarted();
        activity.CallSucceeded();

        Assert.Equal(new ApiCounts(2, 1, 0), activity.Snapshot().Recent);

        _time.Advance(TimeSpan.FromMinutes(3));
        var later = activity.Snapshot();
        Assert.Equal(new ApiCounts(1, 0, 0), later.Recent);
        Assert.Equal(new ApiCounts(2, 1, 0), later.SinceStart);

        _time.Advance(ApiActivity.Window);
        Assert.Equal(default, activity.Snapshot().Recent);
        Assert.Null(activity.Snapshot().Recent.ErrorRatio);
    }

    [Fact]
    public void Snapshot_WhenSlotIsReusedAfterAWindow_StartsItFromZero()
    {
        var activity = new ApiActivity(_time);
        activity.CallStarted();
        _time.Advance(ApiActivity.Window);
        activity.CallStarted();

        Assert.Equal(new ApiCounts(1, 0, 0), activity.Snapshot().Recent);
        Assert.Equal(new ApiCounts(2, 0, 0), activity.Snapshot().SinceStart);
    }
}
