using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Watcher.Configuration;
using Watcher.Jobs;
using Watcher.Metrics;
using Watcher.Polling;
using Watcher.Tests.Support;

namespace Watcher.Tests.Polling;

public sealed class PollBackoffTests : IDisposable
{
    private const string Org = TestJobs.Org;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly WatchedJobKey Key = new(Org, "job-1");

    private readonly FakeTimeProvider _time = new(TestJobs.Start.AddMinutes(5));
    private readonly ScriptedWorkMail _workMail = new();
    private readonly ExportJobStore _store = new();
    private readonly OrganizationStore _organizations = new();
    private readonly TestMeterFactory _meters = new();
    private readonly FakeLogCollector _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly WatcherMetrics _metrics;
    private readonly ExportJobPoller _jobPoller;
    private readonly OrganizationPoller _organizationPoller;

    public PollBackoffTests()
    {
        var options = Options.Create(new WatcherOptions { PollInterval = Interval, MaxBackoff = TimeSpan.FromHours(1) });
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(_logs)));
        _metrics = new WatcherMetrics(_meters, _store, _organizations, options);
        var policy = new LastGoodWatcherOptions(options);
        var watched = new WatchedJobs(_store, _organizations, policy, _metrics, _loggerFactory.CreateLogger<WatchedJobs>());
        _jobPoller = new ExportJobPoller(watched, policy, _time);
        _organizationPoller = new OrganizationPoller(watched, _jobPoller, _workMail, policy, _time, _loggerFactory.CreateLogger<OrganizationPoller>());
    }

    public void Dispose()
    {
        _meters.Dispose();
        _loggerFactory.Dispose();
    }

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
        _store.Watch(Key);

        var describes = await PollEveryIntervalAsync(TimeSpan.FromHours(3), () => _jobPoller.PollAsync(_workMail, Key, CancellationToken.None));

        // Describes at minutes 0, 1, 3, 7, 15, 31, 63, then hourly: 123 (183 is past the end); 181 without backoff.
        Assert.Equal(8, describes);
        Assert.True(_store.TryGet(Key, out var job));
        Assert.False(job.LastPollSucceeded);
        Assert.Equal("EntityNotFoundException", job.LastErrorCode);
        Assert.Equal(TimeSpan.FromHours(1), job.BackoffDelay);

        // Logged when the wait changed (1, 2, 4, ... 32 min, then the 1 h cap), not once per describe; each names job, organization and retry time.
        var backoffLogs = _logs.GetSnapshot().Where(r => r.Message.Contains("will be retried at", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, backoffLogs.Count);
        Assert.All(backoffLogs, r => Assert.Contains($"Export job job-1 in {Org} was not found (EntityNotFoundException)", r.Message, StringComparison.Ordinal));
        Assert.All(backoffLogs, r => Assert.Equal(LogLevel.Warning, r.Level));
    }

    [Fact]
    public async Task PollAsync_JobReappears_ResetsBackoffAndPollsEveryIntervalAgain()
    {
        _store.Watch(Key);
        await PollEveryIntervalAsync(TimeSpan.FromMinutes(20), () => _jobPoller.PollAsync(_workMail, Key, CancellationToken.None));
        Assert.True(_store.TryGet(Key, out var backingOff));
        Assert.NotNull(backingOff.RetryAt);

        _workMail.Answer(TestJobs.Running("job-1", 40));
        _time.Advance(TimeSpan.FromMinutes(16));
        await _jobPoller.PollAsync(_workMail, Key, CancellationToken.None);

        Assert.True(_store.TryGet(Key, out var recovered));
        Assert.True(recovered.LastPollSucceeded);
        Assert.Null(recovered.RetryAt);
        Assert.Null(recovered.BackoffDelay);
        _workMail.ResetCounts();
        var describes = await PollEveryIntervalAsync(TimeSpan.FromMinutes(10), () => _jobPoller.PollAsync(_workMail, Key, CancellationToken.None));
        Assert.Equal(11, describes);
    }

    [Theory]
    [InlineData("ThrottlingException")]
    [InlineData("InternalFailure")]
    [InlineData("ServiceUnavailable")]
    [InlineData("Timeout")]
    public async Task PollAsync_ThrottledOrServerErrors_NeverBacksOff(string errorCode)
    {
        _store.Watch(Key);
        _workMail.Fail(Org, "job-1", errorCode);

        var describes = await PollEveryIntervalAsync(TimeSpan.FromMinutes(30), () => _jobPoller.PollAsync(_workMail, Key, CancellationToken.None));

        Assert.Equal(31, describes);
        Assert.True(_store.TryGet(Key, out var job));
        Assert.Null(job.RetryAt);

        // Recovery within one cycle after the errors end.
        _workMail.Answer(TestJobs.Running("job-1", 50));
        _time.Advance(Interval);
        await _jobPoller.PollAsync(_workMail, Key, CancellationToken.None);
        Assert.True(_store.TryGet(Key, out job));
        Assert.True(job.LastPollSucceeded);
    }

    [Theory]
    [InlineData("OrganizationNotFoundException")]
    [InlineData("OrganizationStateException")]
    public async Task PollAsync_OrganizationMissingForThreeHours_ListsAtDoublingIntervalsAndMarksItsJobsStale(string errorCode)
    {
        _organizations.Upsert(new OrganizationSnapshot(Org) { Region = "us-east-1" });
        _workMail.List(Org, TestJobs.Running("job-1", 10));
        await _organizationPoller.PollAsync(Org, CancellationToken.None);
        _workMail.FailListing(Org, errorCode);
        _workMail.ResetCounts();

        var listings = 0;
        for (var elapsed = TimeSpan.Zero; elapsed <= TimeSpan.FromHours(3); elapsed += Interval)
        {
            _time.Advance(Interval);
            await _organizationPoller.PollAsync(Org, CancellationToken.None);
            listings = _workMail.ListCalls(Org);
        }

        Assert.Equal(8, listings);
        Assert.True(_organizations.TryGet(Org, out var organization));
        Assert.False(organization.LastPollSucceeded);
        Assert.Equal(errorCode, organization.LastErrorCode);
        Assert.True(_store.TryGet(Key, out var job));
        Assert.False(job.LastPollSucceeded);
        Assert.NotNull(job.Details);
        Assert.Contains(_logs.GetSnapshot(), r => r.Message.Contains($"Organization {Org} answered {errorCode}; its export jobs will be listed again at", StringComparison.Ordinal));

        // Back again: the next due listing succeeds and the schedule returns to every interval.
        _workMail.RestoreListing(Org);
        _time.Advance(TimeSpan.FromHours(1));
        await _organizationPoller.PollAsync(Org, CancellationToken.None);
        Assert.True(_organizations.TryGet(Org, out organization));
        Assert.True(organization.LastPollSucceeded);
        Assert.Null(organization.RetryAt);
    }

    [Fact]
    public async Task PollAsync_OrganizationForgotItsRunningJob_DescribesItAtDoublingIntervals()
    {
        _organizations.Upsert(new OrganizationSnapshot(Org) { Region = "us-east-1" });
        _workMail.List(Org, TestJobs.Running("job-1", 10));
        await _organizationPoller.PollAsync(Org, CancellationToken.None);

        // The service forgot the job: the listing is empty and the describe answers EntityNotFound.
        var empty = new ScriptedWorkMail();
        _workMail.List(Org);
        _workMail.Fail(Org, "job-1", "EntityNotFoundException");
        _workMail.ResetCounts();
        var listings = 0;
        for (var elapsed = TimeSpan.Zero; elapsed <= TimeSpan.FromHours(3); elapsed += Interval)
        {
            _time.Advance(Interval);
            await _organizationPoller.PollAsync(Org, CancellationToken.None);
            listings = _workMail.ListCalls(Org);
        }

        Assert.Equal(181, listings);
        Assert.Equal(8, _workMail.Calls(Org, "job-1"));
        Assert.True(_store.TryGet(Key, out var job));
        Assert.False(job.LastPollSucceeded);
        Assert.Equal(10, job.Details!.EstimatedProgress);
        Assert.Equal(0, empty.TotalCalls);
    }

    private async Task<int> PollEveryIntervalAsync(TimeSpan duration, Func<Task<PollOutcome>> poll)
    {
        var before = _workMail.Calls(Org, "job-1");
        for (var elapsed = TimeSpan.Zero; elapsed <= duration; elapsed += Interval)
        {
            if (elapsed > TimeSpan.Zero)
            {
                _time.Advance(Interval);
            }

            await poll();
        }

        return _workMail.Calls(Org, "job-1") - before;
    }
}
