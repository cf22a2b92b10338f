using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Watcher.Configuration;
using Watcher.Jobs;
using Watcher.Metrics;
using Watcher.Polling;
using Watcher.Tests.Support;
using Watcher.WorkMail.Model;

namespace Watcher.Tests.Polling;

public sealed class ExportJobPollerTests : IDisposable
{
    private static readonly WatchedJobKey Key = new(TestJobs.Org, "job-1");

    private readonly FakeTimeProvider _time = new(TestJobs.Start.AddMinutes(5));
    private readonly ScriptedWorkMail _workMail = new();
    private readonly ExportJobStore _store = new();
    private readonly TestMeterFactory _meters = new();
    private readonly WatcherMetrics _metrics;
    private readonly ExportJobPoller _poller;
    private readonly MetricCollector<long> _transitions;

    public ExportJobPollerTests()
    {
        _metrics = new WatcherMetrics(_meters, _store, new OrganizationStore(), Options.Create(new WatcherOptions()));
        _transitions = new MetricCollector<long>(_meters, WatcherMetrics.MeterName, "workmail.export_job.state_transitions");
        var options = Options.Create(new WatcherOptions());
        var policy = new LastGoodWatcherOptions(options);
        var organizations = new OrganizationStore();
        var watched = new WatchedJobs(_store, organizations, policy, _metrics, NullLogger<WatchedJobs>.Instance);
        _poller = new ExportJobPoller(watched, policy, _time);
        _store.Watch(Key);
    }

    public void Dispose()
    {
        _transitions.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public async Task PollAsync_WhenJobRuns_RecordsDetailsAndContinues()
    {
        _workMail.Answer(TestJobs.Running("job-1", 40));

        var outcome = await _poller.PollAsync(_workMail, Key, CancellationToken.None);

        Assert.Equal(PollOutcome.Continue, outcome);
        var job = Snapshot();
        Assert.Equal(40, job.Details!.EstimatedProgress);
        Assert.True(job.LastPollSucceeded);
        Assert.Equal(_time.GetUtcNow(), job.LastPollSuccessAt);
        Assert.Equal(_time.GetUtcNow(), job.ProgressChangedAt);
    }

    [Fact]
    public async Task PollAsync_WhenProgressHoldsStill_KeepsProgressChangeTime()
    {
        _workMail.Answer(TestJobs.Running("job-1", 40));
        await _poller.PollAsync(_workMail, Key, CancellationToken.None);
        var firstSeen = _time.GetUtcNow();

        _time.Advance(TimeSpan.FromMinutes(1));
        await _poller.PollAsync(_workMail, Key, CancellationToken.None);
        Assert.Equal(firstSeen, Snapshot().ProgressChangedAt);
        Assert.Equal(_time.GetUtcNow(), Snapshot().LastPollSuccessAt);

        _time.Advance(TimeSpan.FromMinutes(1));
        _workMail.Answer(TestJobs.Running("job-1", 41));
        await _poller.PollAsync(_workMail, Key, CancellationToken.None);
        Assert.Equal(_time.GetUtcNow(), Snapshot().ProgressChangedAt);
    }

    [Fact]
    public async Task PollAsync_WhenDescribeFails_KeepsLastGoodValuesAndMarksThePollFailed()
    {
        _workMail.Answer(TestJobs.Running("job-1", 40));
        await _poller.PollAsync(_workMail, Key, CancellationToken.None);
        var lastSuccess = Snapshot().LastPollSuccessAt;

        _time.Advance(TimeSpan.FromMinutes(1));
        _workMail.Fail(TestJobs.Org, "job-1", "ThrottlingException");
        var outcome = await _poller.PollAsync(_workMail, Key, CancellationToken.None);

        Assert.Equal(PollOutcome.Continue, outcome);
        var job = Snapshot();
        Assert.Equal(40, job.Details!.EstimatedProgress);
        Assert.False(job.LastPollSucceeded);
        Assert.Equal("ThrottlingException", job.LastErrorCode);
        Assert.Equal(lastSuccess, job.LastPollSuccessAt);
    }

    [Fact]
    public async Task PollAsync_WhenClientThrowsUnexpectedly_RecordsUnknownErrorAndContinues()
    {
        _workMail.Throw(TestJobs.Org, "job-1", new InvalidOperationException("bug"));

        var outcome = await _poller.PollAsync(_workMail, Key, CancellationToken.None);

        Assert.Equal(PollOutcome.Continue, outcome);
        Assert.True(Snapshot().PollAttempted);
        Assert.Equal("Unknown", Snapshot().LastErrorCode);
    }

    [Fact]
    public async Task PollAsync_WhenCancelled_PropagatesAndRecordsNothing()
    {
        _workMail.Throw(TestJobs.Org, "job-1", new OperationCanceledException());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _poller.PollAsync(_workMail, Key, CancellationToken.None));

        Assert.False(Snapshot().PollAttempted);
    }

    [Fact]
    public async Task PollAsync_WhenFirstDescribeFails_HasNoDetailsButCountsAsAttempted()
    {
        _workMail.Fail(TestJobs.Org, "job-1", "AccessDeniedException");

        await _poller.PollAsync(_workMail, Key, CancellationToken.None);

        var job = Snapshot();
        Assert.True(job.PollAttempted);
        Assert.Null(job.Details);
        Assert.Null(job.LastPollSuccessAt);
    }

    [Theory]
    [InlineData(ExportJobState.Completed, "COMPLETED")]
    [InlineData(ExportJobState.Failed, "FAILED")]
    [InlineData(ExportJobState.Cancelled, "CANCELLED")]
    public async Task PollAsync_WhenJobTurnsTerminal_CountsTheTransitionAndStops(ExportJobState final, string finalName)
    {
        _workMail.Answer(TestJobs.Running("job-1", 40));
        await _poller.PollAsync(_workMail, Key, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(1));
        _workMail.Answer(TestJobs.Ended("job-1", final, 70, TimeSpan.FromMinutes(6), errorInfo: final == ExportJobState.Failed ? "Access denied to bucket" : null));
        var outcome = await _poller.PollAsync(_workMail, Key, CancellationToken.None);

        Assert.Equal(PollOutcome.Terminal, outcome);
        Assert.True(Snapshot().IsTerminal);
        var transition = Assert.Single(_transitions.GetMeasurementSnapshot());
        Assert.Equal(1, transition.Value);
        Assert.Equal(TestJobs.Org, transition.Tags["organization_id"]);
        Assert.Equal("RUNNING", transition.Tags["from_state"]);
        Assert.Equal(finalName, transition.Tags["to_state"]);
    }

    [Fact]
    public async Task PollAsync_WhenJobIsAlreadyTerminal_DoesNotCallWorkMailAgain()
    {
        _workMail.Answer(TestJobs.Ended("job-1", ExportJobState.Completed, 100, TimeSpan.FromMinutes(3)));
        Assert.Equal(PollOutcome.Terminal, await _poller.PollAsync(_workMail, Key, CancellationToken.None));

        Assert.Equal(PollOutcome.Terminal, await _poller.PollAsync(_workMail, Key, CancellationToken.None));

        Assert.Equal(1, _workMail.Calls(TestJobs.Org, "job-1"));
        Assert.Empty(_transitions.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task PollAsync_WhenJobWasUnwatched_ReportsNotWatchedAndRecordsNothing()
    {
        _store.Unwatch(Key);

        var outcome = await _poller.PollAsync(_workMail, Key, CancellationToken.None);

        Assert.Equal(PollOutcome.NotWatched, outcome);
        Assert.Equal(0, _workMail.TotalCalls);
        Assert.Empty(_store.Current);
    }

    private ExportJobSnapshot Snapshot() => _store.Current[Key];
}
