using Watcher.Configuration;
using Watcher.Jobs;
using Watcher.Polling;
using Watcher.Tests.Support;
using Watcher.WorkMail.Model;

namespace Watcher.Tests.Polling;

public sealed class OrganizationPollerTests : IDisposable
{
    private const string Org = TestJobs.Org;

    private readonly PollingRig _rig;

    public OrganizationPollerTests() : this(maxWatchedJobs: 10_000)
    {
    }

    private OrganizationPollerTests(int maxWatchedJobs)
    {
        _rig = new PollingRig(new WatcherOptions { MaxWatchedJobs = maxWatchedJobs, TerminalJobRetention = TimeSpan.FromHours(24) }, TestJobs.Start.AddHours(1));
        _rig.Organizations.Upsert(new OrganizationSnapshot(Org) { Region = "us-east-1", Alias = "legal" });
    }

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task PollAsync_NewOrganization_ListsEveryPageAndDescribesEachJobOnce()
    {
        _rig.WorkMail.List(Org, [.. Enumerable.Range(0, 250).Select(i => Job(i, ExportJobState.Running, 10))]);

        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(3, _rig.WorkMail.ListCalls(Org));
        Assert.Equal(250, _rig.WorkMail.TotalCalls);
        Assert.Equal(250, _rig.Store.Current.Count);
        Assert.All(_rig.Store.Current.Values, j => Assert.Equal($"prefix/{j.Key.JobId}", j.Details!.S3Prefix));
        Assert.All(_rig.Store.Current.Values, j => Assert.False(j.NeedsDescribe));
        Assert.True(_rig.Organizations.Current[Org].LastPollSucceeded);
    }

    [Fact]
    public async Task PollAsync_AtSteadyState_CostsOneListingPerHundredJobs()
    {
        _rig.WorkMail.List(Org, [.. Enumerable.Range(0, 250).Select(i => Job(i, i % 2 == 0 ? ExportJobState.Running : ExportJobState.Completed, 50))]);
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
        _rig.WorkMail.ResetCounts();

        _rig.Time.Advance(TimeSpan.FromMinutes(1));
        _rig.WorkMail.List(Org, [.. Enumerable.Range(0, 250).Select(i => Job(i, i % 2 == 0 ? ExportJobState.Running : ExportJobState.Completed, i % 2 == 0 ? 60 : 50))]);
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(3, _rig.WorkMail.ListCalls(Org));
        Assert.Equal(0, _rig.WorkMail.TotalCalls);
        Assert.All(_rig.Store.Current.Values.Where(j => !j.IsTerminal), j => Assert.Equal(60, j.Details!.EstimatedProgress));
        Assert.All(_rig.Store.Current.Values.Where(j => !j.IsTerminal), j => Assert.Equal(_rig.Time.GetUtcNow(), j.ProgressChangedAt));
    }

    [Fact]
    public async Task PollAsync_WhenJobTurnsFailed_DescribesItOnceForErrorInfo()
    {
        _rig.WorkMail.List(Org, Job(1, ExportJobState.Running, 10));
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        _rig.WorkMail.List(Org, Job(1, ExportJobState.Failed, 30) with { ErrorInfo = "Access denied to bucket" });
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(2, _rig.WorkMail.Calls(Org, "job-1"));
        var job = _rig.Store.Current[Key(1)];
        Assert.Equal(ExportJobState.Failed, job.Details!.State);
        Assert.Equal("Access denied to bucket", job.Details.ErrorInfo);
    }

    [Fact]
    public async Task PollAsync_TerminalJobStillListed_IsNeverDescribedAgain()
    {
        _rig.WorkMail.List(Org, Job(1, ExportJobState.Completed, 100));
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(1, _rig.WorkMail.Calls(Org, "job-1"));
        Assert.Equal(3, _rig.WorkMail.ListCalls(Org));
    }

    [Fact]
    public async Task PollAsync_TerminalJobLeavesListing_KeepsItForRetentionThenDropsIt()
    {
        _rig.WorkMail.List(Org, Job(1, ExportJobState.Failed, 30) with { ErrorInfo = "boom" }, Job(2, ExportJobState.Running, 10));
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        _rig.WorkMail.List(Org, Job(2, ExportJobState.Running, 20));
        _rig.Time.Advance(TimeSpan.FromHours(23));
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
        Assert.True(_rig.Store.Current.ContainsKey(Key(1)));
        Assert.Equal("boom", _rig.Store.Current[Key(1)].Details!.ErrorInfo);

        _rig.Time.Advance(TimeSpan.FromHours(1));
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
        Assert.False(_rig.Store.Current.ContainsKey(Key(1)));
        Assert.True(_rig.Store.Current.ContainsKey(Key(2)));
    }

    [Fact]
    public async Task PollAsync_RunningJobLeavesListing_DescribesItDirectly()
    {
        _rig.WorkMail.List(Org, Job(1, ExportJobState.Running, 10));
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        _rig.WorkMail.List(Org);
        _rig.WorkMail.Answer(Job(1, ExportJobState.Completed, 100));
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(2, _rig.WorkMail.Calls(Org, "job-1"));
        Assert.Equal(ExportJobState.Completed, _rig.Store.Current[Key(1)].Details!.State);
    }

    [Fact]
    public async Task PollAsync_ConfiguredJobAlsoListed_IsWatchedOnce()
    {
        _rig.Store.TryAdd(new ExportJobSnapshot(Key(1)) { IsConfigured = true });
        _rig.WorkMail.List(Org, Job(1, ExportJobState.Running, 10), Job(2, ExportJobState.Running, 20));

        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(2, _rig.Store.Current.Count);
        Assert.True(_rig.Store.Current[Key(1)].IsConfigured);
        Assert.Equal(1, _rig.WorkMail.Calls(Org, "job-1"));
    }

    [Fact]
    public async Task PollAsync_WhenListingFails_MarksOrganizationAndRunningJobsStaleKeepingValues()
    {
        _rig.WorkMail.List(Org, Job(1, ExportJobState.Running, 10), Job(2, ExportJobState.Completed, 100));
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        _rig.WorkMail.FailListing(Org, "AccessDeniedException");
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        var organization = _rig.Organizations.Current[Org];
        Assert.False(organization.LastPollSucceeded);
        Assert.Equal("AccessDeniedException", organization.LastErrorCode);
        Assert.False(_rig.Store.Current[Key(1)].LastPollSucceeded);
        Assert.Equal(10, _rig.Store.Current[Key(1)].Details!.EstimatedProgress);
        Assert.True(_rig.Store.Current[Key(2)].LastPollSucceeded);

        _rig.WorkMail.RestoreListing(Org);
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
        Assert.True(_rig.Organizations.Current[Org].LastPollSucceeded);
        Assert.True(_rig.Store.Current[Key(1)].LastPollSucceeded);
    }

    [Fact]
    public async Task PollAsync_MoreJobsThanTheLimit_WatchesTheNewest()
    {
        using var limited = new OrganizationPollerTests(maxWatchedJobs: 10);
        limited._rig.WorkMail.List(Org, [.. Enumerable.Range(0, 25).Select(i => Job(i, ExportJobState.Completed, 100))]);

        await limited._rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(10, limited._rig.Store.Current.Count);
        Assert.Equal(Enumerable.Range(15, 10).Select(i => $"job-{i}").Order(), limited._rig.Store.Current.Keys.Select(k => k.JobId).Order());
        Assert.Equal(15, limited._rig.Organizations.Current[Org].SkippedJobs);

        // A newer job takes the place of the oldest; the skipped ones are not described again.
        limited._rig.WorkMail.ResetCounts();
        limited._rig.WorkMail.List(Org, [.. Enumerable.Range(0, 26).Select(i => Job(i, ExportJobState.Completed, 100))]);
        await limited._rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
        Assert.Equal(10, limited._rig.Store.Current.Count);
        Assert.Contains(Key(25), limited._rig.Store.Current.Keys);
        Assert.DoesNotContain(Key(15), limited._rig.Store.Current.Keys);
        Assert.Equal(1, limited._rig.WorkMail.TotalCalls);
    }

    [Fact]
    public async Task PollAsync_UnknownOrganization_ReportsNotWatched()
    {
        Assert.Equal(PollOutcome.NotWatched, await _rig.OrganizationPoller.PollAsync("m-ffffffffffffffffffffffffffffffff", CancellationToken.None));
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
