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

public sealed class OrganizationPollerTests : IDisposable
{
    private const string Org = TestJobs.Org;

    private readonly FakeTimeProvider _time = new(TestJobs.Start.AddHours(1));
    private readonly ScriptedWorkMail _workMail = new();
    private readonly ExportJobStore _store = new();
    private readonly OrganizationStore _organizations = new();
    private readonly TestMeterFactory _meters = new();
    private readonly WatcherMetrics _metrics;
    private readonly OrganizationPoller _poller;

    public OrganizationPollerTests() : this(maxWatchedJobs: 10_000)
    {
    }

    private OrganizationPollerTests(int maxWatchedJobs)
    {
        var options = Options.Create(new WatcherOptions { MaxWatchedJobs = maxWatchedJobs, TerminalJobRetention = TimeSpan.FromHours(24) });
        _metrics = new WatcherMetrics(_meters, _store, _organizations, options);
        var policy = new LastGoodWatcherOptions(options);
        var watched = new WatchedJobs(_store, _organizations, policy, _metrics, NullLogger<WatchedJobs>.Instance);
        _poller = new OrganizationPoller(
            watched, new ExportJobPoller(watched, policy, _time), _workMail, policy, _time, NullLogger<OrganizationPoller>.Instance);
        _organizations.Upsert(new OrganizationSnapshot(Org) { Region = "us-east-1", Alias = "legal" });
    }

    public void Dispose()
    {
        _meters.Dispose();
    }

    [Fact]
    public async Task PollAsync_NewOrganization_ListsEveryPageAndDescribesEachJobOnce()
    {
        _workMail.List(Org, [.. Enumerable.Range(0, 250).Select(i => Job(i, ExportJobState.Running, 10))]);

        await _poller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(3, _workMail.ListCalls(Org));
        Assert.Equal(250, _workMail.TotalCalls);
        Assert.Equal(250, _store.Current.Count);
        Assert.All(_store.Current.Values, j => Assert.Equal($"prefix/{j.Key.JobId}", j.Details!.S3Prefix));
        Assert.All(_store.Current.Values, j => Assert.False(j.NeedsDescribe));
        Assert.True(_organizations.Current[Org].LastPollSucceeded);
    }

    [Fact]
    public async Task PollAsync_AtSteadyState_CostsOneListingPerHundredJobs()
    {
        _workMail.List(Org, [.. Enumerable.Range(0, 250).Select(i => Job(i, i % 2 == 0 ? ExportJobState.Running : ExportJobState.Completed, 50))]);
        await _poller.PollAsync(Org, CancellationToken.None);
        _workMail.ResetCounts();

        _time.Advance(TimeSpan.FromMinutes(1));
        _workMail.List(Org, [.. Enumerable.Range(0, 250).Select(i => Job(i, i % 2 == 0 ? ExportJobState.Running : ExportJobState.Completed, i % 2 == 0 ? 60 : 50))]);
        await _poller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(3, _workMail.ListCalls(Org));
        Assert.Equal(0, _workMail.TotalCalls);
        Assert.All(_store.Current.Values.Where(j => !j.IsTerminal), j => Assert.Equal(60, j.Details!.EstimatedProgress));
        Assert.All(_store.Current.Values.Where(j => !j.IsTerminal), j => Assert.Equal(_time.GetUtcNow(), j.ProgressChangedAt));
    }

    [Fact]
    public async Task PollAsync_WhenJobTurnsFailed_DescribesItOnceForErrorInfo()
    {
        _workMail.List(Org, Job(1, ExportJobState.Running, 10));
        await _poller.PollAsync(Org, CancellationToken.None);

        _workMail.List(Org, Job(1, ExportJobState.Failed, 30) with { ErrorInfo = "Access denied to bucket" });
        await _poller.PollAsync(Org, CancellationToken.None);
        await _poller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(2, _workMail.Calls(Org, "job-1"));
        var job = _store.Current[Key(1)];
        Assert.Equal(ExportJobState.Failed, job.Details!.State);
        Assert.Equal("Access denied to bucket", job.Details.ErrorInfo);
    }

    [Fact]
    public async Task PollAsync_TerminalJobStillListed_IsNeverDescribedAgain()
    {
        _workMail.List(Org, Job(1, ExportJobState.Completed, 100));
        await _poller.PollAsync(Org, CancellationToken.None);
        await _poller.PollAsync(Org, CancellationToken.None);
        await _poller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(1, _workMail.Calls(Org, "job-1"));
        Assert.Equal(3, _workMail.ListCalls(Org));
    }

    [Fact]
    public async Task PollAsync_TerminalJobLeavesListing_KeepsItForRetentionThenDropsIt()
    {
        _workMail.List(Org, Job(1, ExportJobState.Failed, 30) with { ErrorInfo = "boom" }, Job(2, ExportJobState.Running, 10));
        await _poller.PollAsync(Org, CancellationToken.None);

        _workMail.List(Org, Job(2, ExportJobState.Running, 20));
        _time.Advance(TimeSpan.FromHours(23));
        await _poller.PollAsync(Org, CancellationToken.None);
        Assert.True(_store.Current.ContainsKey(Key(1)));
        Assert.Equal("boom", _store.Current[Key(1)].Details!.ErrorInfo);

        _time.Advance(TimeSpan.FromHours(1));
        await _poller.PollAsync(Org, CancellationToken.None);
        Assert.False(_store.Current.ContainsKey(Key(1)));
        Assert.True(_store.Current.ContainsKey(Key(2)));
    }

    [Fact]
    public async Task PollAsync_RunningJobLeavesListing_DescribesItDirectly()
    {
        _workMail.List(Org, Job(1, ExportJobState.Running, 10));
        await _poller.PollAsync(Org, CancellationToken.None);

        _workMail.List(Org);
        _workMail.Answer(Job(1, ExportJobState.Completed, 100));
        await _poller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(2, _workMail.Calls(Org, "job-1"));
        Assert.Equal(ExportJobState.Completed, _store.Current[Key(1)].Details!.State);
    }

    [Fact]
    public async Task PollAsync_ConfiguredJobAlsoListed_IsWatchedOnce()
    {
        _store.TryAdd(new ExportJobSnapshot(Key(1)) { IsConfigured = true });
        _workMail.List(Org, Job(1, ExportJobState.Running, 10), Job(2, ExportJobState.Running, 20));

        await _poller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(2, _store.Current.Count);
        Assert.True(_store.Current[Key(1)].IsConfigured);
        Assert.Equal(1, _workMail.Calls(Org, "job-1"));
    }

    [Fact]
    public async Task PollAsync_WhenListingFails_MarksOrganizationAndRunningJobsStaleKeepingValues()
    {
        _workMail.List(Org, Job(1, ExportJobState.Running, 10), Job(2, ExportJobState.Completed, 100));
        await _poller.PollAsync(Org, CancellationToken.None);

        _workMail.FailListing(Org, "AccessDeniedException");
        await _poller.PollAsync(Org, CancellationToken.None);

        var organization = _organizations.Current[Org];
        Assert.False(organization.LastPollSucceeded);
        Assert.Equal("AccessDeniedException", organization.LastErrorCode);
        Assert.False(_store.Current[Key(1)].LastPollSucceeded);
        Assert.Equal(10, _store.Current[Key(1)].Details!.EstimatedProgress);
        Assert.True(_store.Current[Key(2)].LastPollSucceeded);

        _workMail.RestoreListing(Org);
        await _poller.PollAsync(Org, CancellationToken.None);
        Assert.True(_organizations.Current[Org].LastPollSucceeded);
        Assert.True(_store.Current[Key(1)].LastPollSucceeded);
    }

    [Fact]
    public async Task PollAsync_MoreJobsThanTheLimit_WatchesTheNewest()
    {
        using var limited = new OrganizationPollerTests(maxWatchedJobs: 10);
        limited._workMail.List(Org, [.. Enumerable.Range(0, 25).Select(i => Job(i, ExportJobState.Completed, 100))]);

        await limited._poller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(10, limited._store.Current.Count);
        Assert.Equal(Enumerable.Range(15, 10).Select(i => $"job-{i}").Order(), limited._store.Current.Keys.Select(k => k.JobId).Order());
        Assert.Equal(15, limited._organizations.Current[Org].SkippedJobs);

        // A newer job takes the place of the oldest; the skipped ones are not described again.
        limited._workMail.ResetCounts();
        limited._workMail.List(Org, [.. Enumerable.Range(0, 26).Select(i => Job(i, ExportJobState.Completed, 100))]);
        await limited._poller.PollAsync(Org, CancellationToken.None);
        Assert.Equal(10, limited._store.Current.Count);
        Assert.Contains(Key(25), limited._store.Current.Keys);
        Assert.DoesNotContain(Key(15), limited._store.Current.Keys);
        Assert.Equal(1, limited._workMail.TotalCalls);
    }

    [Fact]
    public async Task PollAsync_UnknownOrganization_ReportsNotWatched()
    {
        Assert.Equal(PollOutcome.NotWatched, await _poller.PollAsync("m-ffffffffffffffffffffffffffffffff", CancellationToken.None));
    }

    private static WatchedJobKey Key(int i) => new(Org, $"job-{i}");

    /// <summary>Job i started i minutes after the base time, so higher numbers are newer.</summary>
    private static ExportJobDetails Job(int i, ExportJobState state, int progress) =>
        TestJobs.Running($"job-{i}", progress) with
        {
            State = state,
            StartTime = TestJobs.Start.AddMinutes(i),
            EndTime = state == ExportJobState.Running ? null : TestJobs.Start.AddMinutes(i + 30),
        };
}
