using Watcher.Configuration;
using Watcher.Coverage;
using Watcher.Jobs;
using Watcher.Tests.Support;
using Watcher.WorkMail.Model;

namespace Watcher.Tests.Coverage;

public sealed class CompletionRecorderTests : IDisposable
{
    private const string Org = TestJobs.Org;

    private PollingRig _rig = Rig(enabled: true);

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task Listing_CompletedJobsOverSeveralPolls_QueuesEachOnceWithWhatTheListingSays()
    {
        _rig.WorkMail.List(Org, Job(1, ExportJobState.Completed), Job(2, ExportJobState.Running), Job(3, ExportJobState.Failed), Job(4, ExportJobState.Cancelled));
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
        _rig.Time.Advance(TimeSpan.FromMinutes(1));
        _rig.WorkMail.List(Org, Job(1, ExportJobState.Completed), Job(2, ExportJobState.Completed), Job(3, ExportJobState.Failed), Job(4, ExportJobState.Cancelled));
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        var queued = Drain();

        Assert.Equal(["job-1", "job-2"], queued.Select(c => c.JobId));
        var first = queued[0];
        Assert.Equal(new Completion(Org, "entity-job-1", "job-1", TestJobs.Start.AddMinutes(31), "bucket", "s3://bucket/prefix/job-1.zip", "export job-1"), first);
    }

    [Fact]
    public async Task Describe_OfAConfiguredJobThatCompletes_QueuesItOnce()
    {
        var key = new WatchedJobKey(Org, "job-1");
        _rig.Store.Watch(key);
        _rig.WorkMail.Answer(Job(1, ExportJobState.Running));
        await _rig.JobPoller.PollAsync(_rig.WorkMail, key, CancellationToken.None);
        Assert.Empty(Drain());

        _rig.WorkMail.Answer(Job(1, ExportJobState.Completed));
        await _rig.JobPoller.PollAsync(_rig.WorkMail, key, CancellationToken.None);
        await _rig.JobPoller.PollAsync(_rig.WorkMail, key, CancellationToken.None);

        Assert.Equal(["job-1"], Drain().Select(c => c.JobId));
    }

    [Fact]
    public async Task Listing_BeyondMaxWatchedJobs_StillQueuesEveryCompletion()
    {
        _rig.Dispose();
        _rig = Rig(enabled: true, maxWatchedJobs: 2);
        _rig.WorkMail.List(Org, [.. Enumerable.Range(0, 5).Select(i => Job(i, ExportJobState.Completed))]);

        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(2, _rig.Store.Current.Count);
        Assert.Equal(5, Drain().Count);
    }

    [Fact]
    public async Task Listing_WithCoverageOff_QueuesNothing()
    {
        _rig.Dispose();
        _rig = Rig(enabled: false);
        _rig.WorkMail.List(Org, Job(1, ExportJobState.Completed));

        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        Assert.Single(_rig.Store.Current);
        Assert.Empty(Drain());
    }

    [Fact]
    public async Task Listing_OfACompletionAlreadyStored_DoesNotQueueItAgain()
    {
        _rig.Completions.AlreadyStored([new Completion(Org, "entity-job-1", "job-1", TestJobs.Start, "bucket", "s3://bucket/x", null)]);
        _rig.WorkMail.List(Org, Job(1, ExportJobState.Completed), Job(2, ExportJobState.Completed));

        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(["job-2"], Drain().Select(c => c.JobId));
    }

    private static PollingRig Rig(bool enabled, int maxWatchedJobs = 10_000)
    {
        var rig = new PollingRig(new WatcherOptions { MaxWatchedJobs = maxWatchedJobs, Coverage = new CoverageOptions { Enabled = enabled } }, TestJobs.Start.AddHours(1));
        rig.Organizations.Upsert(new OrganizationSnapshot(Org) { Region = "us-east-1" });
        return rig;
    }

    private static ExportJobDetails Job(int i, ExportJobState state) =>
        TestJobs.Running($"job-{i}", state == ExportJobState.Running ? 40 : 100) with
        {
            State = state,
            StartTime = TestJobs.Start.AddMinutes(i),
            EndTime = state == ExportJobState.Running ? null : TestJobs.Start.AddMinutes(i + 30),
        };

    private List<Completion> Drain()
    {
        var queued = new List<Completion>();
        while (_rig.Completions.Queued.TryRead(out var completion))
        {
            queued.Add(completion);
        }

        return queued;
    }
}
