using Microsoft.Extensions.Logging;
using Watcher.Configuration;
using Watcher.Jobs;
using Watcher.Polling;
using Watcher.Tests.Support;

namespace Watcher.Tests.Polling;

public sealed class PollBackoffTests : IDisposable
{
    private const string Org = TestJobs.Org;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly WatchedJobKey Key = new(Org, "job-1");

    private readonly PollingRig _rig = new(new WatcherOptions { PollInterval = Interval, MaxBackoff = TimeSpan.FromHours(1) }, TestJobs.Start.AddMinutes(5));

    public void Dispose() => _rig.Dispose();

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(6, 60)]
    [InlineData(7, 60)]
    public void NextDelay_AfterRepeatedMisses_DoublesFromIntervalUpToMaxBackoff(int previousMisses, int expectedMinutes)
    {
        TimeSpan? delay = null;
        for (var i = 0; i < previousMisses; i++)
        {
            delay = PollBackoff.NextDelay(delay, Interval, TimeSpan.FromHours(1));
        }

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), PollBackoff.NextDelay(delay, Interval, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void NextDelay_MaxBackoffBelowInterval_NeverWaitsLongerThanTheInterval()
    {
        Assert.Equal(Interval, PollBackoff.NextDelay(Interval, Interval, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task PollAsync_JobNotFoundForThreeHours_DescribesAtDoublingIntervalsAndKeepsTheErrorRecorded()
    {
        _rig.Store.Watch(Key);

        var describes = await PollEveryIntervalAsync(TimeSpan.FromHours(3), () => _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None));

        // Describes at minutes 0, 1, 3, 7, 15, 31, 63, then hourly: 123 (183 is past the end); 181 without backoff.
        Assert.Equal(8, describes);
        Assert.True(_rig.Store.TryGet(Key, out var job));
        Assert.False(job.LastPollSucceeded);
        Assert.Equal("EntityNotFoundException", job.LastErrorCode);
        Assert.Equal(TimeSpan.FromHours(1), job.BackoffDelay);

        // Logged when the wait changed (1, 2, 4, ... 32 min, then the 1 h cap), not once per describe; each names job, organization and retry time.
        var backoffLogs = _rig.Logs.GetSnapshot().Where(r => r.Message.Contains("will be retried at", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, backoffLogs.Count);
        Assert.All(backoffLogs, r => Assert.Contains($"Export job job-1 in {Org} was not found (EntityNotFoundException)", r.Message, StringComparison.Ordinal));
        Assert.All(backoffLogs, r => Assert.Equal(LogLevel.Warning, r.Level));
    }

    [Fact]
    public async Task PollAsync_JobReappears_ResetsBackoffAndPollsEveryIntervalAgain()
    {
        _rig.Store.Watch(Key);
        await PollEveryIntervalAsync(TimeSpan.FromMinutes(20), () => _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None));
        Assert.True(_rig.Store.TryGet(Key, out var backingOff));
        Assert.NotNull(backingOff.RetryAt);

        _rig.WorkMail.Answer(TestJobs.Running("job-1", 40));
        _rig.Time.Advance(TimeSpan.FromMinutes(16));
        await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None);

        Assert.True(_rig.Store.TryGet(Key, out var recovered));
        Assert.True(recovered.LastPollSucceeded);
        Assert.Null(recovered.RetryAt);
        Assert.Null(recovered.BackoffDelay);
        _rig.WorkMail.ResetCounts();
        var describes = await PollEveryIntervalAsync(TimeSpan.FromMinutes(10), () => _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None));
        Assert.Equal(11, describes);
    }

    [Theory]
    [InlineData("ThrottlingException")]
    [InlineData("InternalFailure")]
    [InlineData("ServiceUnavailable")]
    [InlineData("Timeout")]
    public async Task PollAsync_ThrottledOrServerErrors_NeverBacksOff(string errorCode)
    {
        _rig.Store.Watch(Key);
        _rig.WorkMail.Fail(Org, "job-1", errorCode);

        var describes = await PollEveryIntervalAsync(TimeSpan.FromMinutes(30), () => _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None));

        Assert.Equal(31, describes);
        Assert.True(_rig.Store.TryGet(Key, out var job));
        Assert.Null(job.RetryAt);

        // Recovery within one cycle after the errors end.
        _rig.WorkMail.Answer(TestJobs.Running("job-1", 50));
        _rig.Time.Advance(Interval);
        await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None);
        Assert.True(_rig.Store.TryGet(Key, out job));
        Assert.True(job.LastPollSucceeded);
    }

    [Theory]
    [InlineData("OrganizationNotFoundException")]
    [InlineData("OrganizationStateException")]
    public async Task PollAsync_OrganizationMissingForThreeHours_ListsAtDoublingIntervalsAndMarksItsJobsStale(string errorCode)
    {
        _rig.Organizations.Upsert(new OrganizationSnapshot(Org) { Region = "us-east-1" });
        _rig.WorkMail.List(Org, TestJobs.Running("job-1", 10));
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
        _rig.WorkMail.FailListing(Org, errorCode);
        _rig.WorkMail.ResetCounts();

        var listings = 0;
        for (var elapsed = TimeSpan.Zero; elapsed <= TimeSpan.FromHours(3); elapsed += Interval)
        {
            _rig.Time.Advance(Interval);
            await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
            listings = _rig.WorkMail.ListCalls(Org);
        }

        Assert.Equal(8, listings);
        Assert.True(_rig.Organizations.TryGet(Org, out var organization));
        Assert.False(organization.LastPollSucceeded);
        Assert.Equal(errorCode, organization.LastErrorCode);
        Assert.True(_rig.Store.TryGet(Key, out var job));
        Assert.False(job.LastPollSucceeded);
        Assert.NotNull(job.Details);
        Assert.Contains(_rig.Logs.GetSnapshot(), r => r.Message.Contains($"Organization {Org} answered {errorCode}; its export jobs will be listed again at", StringComparison.Ordinal));

        // Back again: the next due listing succeeds and the schedule returns to every interval.
        _rig.WorkMail.RestoreListing(Org);
        _rig.Time.Advance(TimeSpan.FromHours(1));
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
        Assert.True(_rig.Organizations.TryGet(Org, out organization));
        Assert.True(organization.LastPollSucceeded);
        Assert.Null(organization.RetryAt);
    }

    [Fact]
    public async Task PollAsync_OrganizationForgotItsRunningJob_DescribesItAtDoublingIntervals()
    {
        _rig.Organizations.Upsert(new OrganizationSnapshot(Org) { Region = "us-east-1" });
        _rig.WorkMail.List(Org, TestJobs.Running("job-1", 10));
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        // The service forgot the job: the listing is empty and the describe answers EntityNotFound.
        _rig.WorkMail.List(Org);
        _rig.WorkMail.Fail(Org, "job-1", "EntityNotFoundException");
        _rig.WorkMail.ResetCounts();
        var listings = 0;
        for (var elapsed = TimeSpan.Zero; elapsed <= TimeSpan.FromHours(3); elapsed += Interval)
        {
            _rig.Time.Advance(Interval);
            await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
            listings = _rig.WorkMail.ListCalls(Org);
        }

        Assert.Equal(181, listings);
        Assert.Equal(8, _rig.WorkMail.Calls(Org, "job-1"));
        Assert.True(_rig.Store.TryGet(Key, out var job));
        Assert.False(job.LastPollSucceeded);
        Assert.Equal(10, job.Details!.EstimatedProgress);
    }

    private async Task<int> PollEveryIntervalAsync(TimeSpan duration, Func<Task<PollOutcome>> poll)
    {
        var before = _rig.WorkMail.Calls(Org, "job-1");
        for (var elapsed = TimeSpan.Zero; elapsed <= duration; elapsed += Interval)
        {
            if (elapsed > TimeSpan.Zero)
            {
                _rig.Time.Advance(Interval);
            }

            await poll();
        }

        return _rig.WorkMail.Calls(Org, "job-1") - before;
    }
}
