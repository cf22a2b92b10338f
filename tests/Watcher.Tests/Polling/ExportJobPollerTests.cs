using Microsoft.Extensions.Diagnostics.Metrics.Testing;
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

    private readonly PollingRig _rig = new(new WatcherOptions(), TestJobs.Start.AddMinutes(5));
    private readonly MetricCollector<long> _transitions;

    public ExportJobPollerTests()
    {
        _transitions = new MetricCollector<long>(_rig.Meters, WatcherMetrics.MeterName, "workmail.export_job.state_transitions");
        _rig.Store.Watch(Key);
    }

    public void Dispose()
    {
        _transitions.Dispose();
        _rig.Dispose();
    }

    [Fact]
    public async Task PollAsync_WhenJobRuns_RecordsDetailsAndContinues()
    {
        _rig.WorkMail.Answer(TestJobs.Running("job-1", 40));

        var outcome = await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None);

        Assert.Equal(PollOutcome.Continue, outcome);
        var job = Snapshot();
        Assert.Equal(40, job.Details!.EstimatedProgress);
        Assert.True(job.LastPollSucceeded);
        Assert.Equal(_rig.Time.GetUtcNow(), job.LastPollSuccessAt);
        Assert.Equal(_rig.Time.GetUtcNow(), job.ProgressChangedAt);
    }

    [Fact]
    public async Task PollAsync_WhenProgressHoldsStill_KeepsProgressChangeTime()
    {
        _rig.WorkMail.Answer(TestJobs.Running("job-1", 40));
        await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None);
        var firstSeen = _rig.Time.GetUtcNow();

        _rig.Time.Advance(TimeSpan.FromMinutes(1));
        await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None);
        Assert.Equal(firstSeen, Snapshot().ProgressChangedAt);
        Assert.Equal(_rig.Time.GetUtcNow(), Snapshot().LastPollSuccessAt);

        _rig.Time.Advance(TimeSpan.FromMinutes(1));
        _rig.WorkMail.Answer(TestJobs.Running("job-1", 41));
        await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None);
        Assert.Equal(_rig.Time.GetUtcNow(), Snapshot().ProgressChangedAt);
    }

    [Fact]
    public async Task PollAsync_WhenDescribeFails_KeepsLastGoodValuesAndMarksThePollFailed()
    {
        _rig.WorkMail.Answer(TestJobs.Running("job-1", 40));
        await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None);
        var lastSuccess = Snapshot().LastPollSuccessAt;

        _rig.Time.Advance(TimeSpan.FromMinutes(1));
        _rig.WorkMail.Fail(TestJobs.Org, "job-1", "ThrottlingException");
        var outcome = await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None);

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
        _rig.WorkMail.Throw(TestJobs.Org, "job-1", new InvalidOperationException("bug"));

        var outcome = await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None);

        Assert.Equal(PollOutcome.Continue, outcome);
        Assert.True(Snapshot().PollAttempted);
        Assert.Equal("Unknown", Snapshot().LastErrorCode);
    }

    [Fact]
    public async Task PollAsync_WhenCancelled_PropagatesAndRecordsNothing()
    {
        _rig.WorkMail.Throw(TestJobs.Org, "job-1", new OperationCanceledException());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None));

        Assert.False(Snapshot().PollAttempted);
    }

    [Fact]
    public async Task PollAsync_WhenFirstDescribeFails_HasNoDetailsButCountsAsAttempted()
    {
        _rig.WorkMail.Fail(TestJobs.Org, "job-1", "AccessDeniedException");

        await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None);

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
        _rig.WorkMail.Answer(TestJobs.Running("job-1", 40));
        await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None);

        _rig.Time.Advance(TimeSpan.FromMinutes(1));
        _rig.WorkMail.Answer(TestJobs.Ended("job-1", final, 70, TimeSpan.FromMinutes(6), errorInfo: final == ExportJobState.Failed ? "Access denied to bucket" : null));
        var outcome = await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None);

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
        _rig.WorkMail.Answer(TestJobs.Ended("job-1", ExportJobState.Completed, 100, TimeSpan.FromMinutes(3)));
        Assert.Equal(PollOutcome.Terminal, await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None));

        Assert.Equal(PollOutcome.Terminal, await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None));

        Assert.Equal(1, _rig.WorkMail.Calls(TestJobs.Org, "job-1"));
        Assert.Empty(_transitions.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task PollAsync_WhenJobWasUnwatched_ReportsNotWatchedAndRecordsNothing()
    {
        _rig.Store.Unwatch(Key);

        var outcome = await _rig.JobPoller.PollAsync(_rig.WorkMail, Key, CancellationToken.None);

        Assert.Equal(PollOutcome.NotWatched, outcome);
        Assert.Equal(0, _rig.WorkMail.TotalCalls);
        Assert.Empty(_rig.Store.Current);
    }

    private ExportJobSnapshot Snapshot() => _rig.Store.Current[Key];
}
