using Microsoft.Extensions.Time.Testing;

namespace Watcher.Simulator.Tests.Jobs;

public class SimulatorStoreTests
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SimulatorStore _store;

    public SimulatorStoreTests()
    {
        _store = new SimulatorStore(_time);
        _store.AddOrganization(Org);
    }

    [Fact]
    public void Describe_CompleteOutcome_ProgressesWithTimeThenCompletes()
    {
        var jobId = _store.AddJob(Org, new SimulatedJob { Duration = TimeSpan.FromMinutes(10) });
        var start = _time.GetUtcNow();

        var observed = new List<(string, int)>();
        foreach (var minutes in (int[])[0, 1, 5, 9, 10, 60])
        {
            _time.SetUtcNow(start.AddMinutes(minutes));
            var view = _store.Describe(Org, jobId)!;
            observed.Add((view.State, view.EstimatedProgress));
        }

        Assert.Equal([("RUNNING", 0), ("RUNNING", 10), ("RUNNING", 50), ("RUNNING", 90), ("COMPLETED", 100), ("COMPLETED", 100)], observed);
        var completed = _store.Describe(Org, jobId)!;
        Assert.Equal(start, completed.StartTime);
        Assert.Equal(start.AddMinutes(10), completed.EndTime);
        Assert.Null(completed.ErrorInfo);
    }

    [Fact]
    public void Describe_RunningJob_HasNoEndTime()
    {
        var jobId = _store.AddJob(Org, new SimulatedJob { Duration = TimeSpan.FromMinutes(10) });

        Assert.Null(_store.Describe(Org, jobId)!.EndTime);
    }

    [Fact]
    public void Describe_FailOutcome_FailsAtOutcomeProgressWithErrorInfo()
    {
        var jobId = _store.AddJob(Org, new SimulatedJob { Duration = TimeSpan.FromMinutes(10), Outcome = SimulatedOutcome.Fail, OutcomeAtProgress = 40, ErrorInfo = "S3 denied" });
        var start = _time.GetUtcNow();

        _time.Advance(TimeSpan.FromMinutes(3.9));
        var before = _store.Describe(Org, jobId)!;
        _time.Advance(TimeSpan.FromMinutes(0.2));
        var after = _store.Describe(Org, jobId)!;

        Assert.Equal(("RUNNING", 39, (string?)null), (before.State, before.EstimatedProgress, before.ErrorInfo));
        Assert.Equal(("FAILED", 40, "S3 denied"), (after.State, after.EstimatedProgress, after.ErrorInfo));
        Assert.Equal(start.AddMinutes(4), after.EndTime);
    }

    [Fact]
    public void Describe_FailWithoutErrorInfo_HasDefaultErrorInfo()
    {
        var jobId = _store.AddJob(Org, new SimulatedJob { Duration = TimeSpan.FromMinutes(1), Outcome = SimulatedOutcome.Fail, OutcomeAtProgress = 0 });

        Assert.False(string.IsNullOrWhiteSpace(_store.Describe(Org, jobId)!.ErrorInfo));
    }

    [Fact]
    public void Describe_CancelOutcome_CancelledAtOutcomeProgress()
    {
        var jobId = _store.AddJob(Org, new SimulatedJob { Duration = TimeSpan.FromMinutes(10), Outcome = SimulatedOutcome.Cancel, OutcomeAtProgress = 70 });
        var start = _time.GetUtcNow();

        _time.Advance(TimeSpan.FromMinutes(8));
        var view = _store.Describe(Org, jobId)!;

        Assert.Equal(("CANCELLED", 70), (view.State, view.EstimatedProgress));
        Assert.Equal(start.AddMinutes(7), view.EndTime);
        Assert.Null(view.ErrorInfo);
    }

    [Fact]
    public void Describe_RunForever_StaysRunningAt99()
    {
        var jobId = _store.AddJob(Org, new SimulatedJob { Duration = TimeSpan.FromMinutes(10), Outcome = SimulatedOutcome.RunForever });

        _time.Advance(TimeSpan.FromDays(3));
        var view = _store.Describe(Org, jobId)!;

        Assert.Equal(("RUNNING", 99), (view.State, view.EstimatedProgress));
        Assert.Null(view.EndTime);
    }

    [Fact]
    public void Describe_ZeroDuration_CompletedImmediately()
    {
        var jobId = _store.AddJob(Org, new SimulatedJob());

        Assert.Equal("COMPLETED", _store.Describe(Org, jobId)!.State);
    }

    [Fact]
    public void HoldProgress_Held_ProgressFrozenUntilReleasedThenResumes()
    {
        var jobId = _store.AddJob(Org, new SimulatedJob { Duration = TimeSpan.FromMinutes(10) });
        var start = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(2));

        _store.HoldProgress(Org, jobId, hold: true);
        _time.Advance(TimeSpan.FromMinutes(30));
        var held = _store.Describe(Org, jobId)!;
        _store.HoldProgress(Org, jobId, hold: false);
        _time.Advance(TimeSpan.FromMinutes(3));
        var resumed = _store.Describe(Org, jobId)!;
        _time.Advance(TimeSpan.FromMinutes(5));
        var completed = _store.Describe(Org, jobId)!;

        Assert.Equal(("RUNNING", 20), (held.State, held.EstimatedProgress));
        Assert.Equal(("RUNNING", 50), (resumed.State, resumed.EstimatedProgress));
        Assert.Equal("COMPLETED", completed.State);
        Assert.Equal(start.AddMinutes(40), completed.EndTime);
    }

    [Fact]
    public void HoldProgress_UnknownJob_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => _store.HoldProgress(Org, "nope", hold: true));
    }

    [Fact]
    public void Cancel_RunningJob_CancelledNowAtCurrentProgress()
    {
        var jobId = _store.AddJob(Org, new SimulatedJob { Duration = TimeSpan.FromMinutes(10) });
        _time.Advance(TimeSpan.FromMinutes(6));

        var cancelled = _store.Cancel(Org, jobId);
        var cancelledAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(10));
        var view = _store.Describe(Org, jobId)!;

        Assert.True(cancelled);
        Assert.Equal(("CANCELLED", 60, (DateTimeOffset?)cancelledAt), (view.State, view.EstimatedProgress, view.EndTime));
    }

    [Fact]
    public void Cancel_FinishedOrUnknownJob_ReturnsFalse()
    {
        var jobId = _store.AddJob(Org, new SimulatedJob { Duration = TimeSpan.FromMinutes(1), StartOffset = TimeSpan.FromMinutes(-5) });

        Assert.False(_store.Cancel(Org, jobId));
        Assert.False(_store.Cancel(Org, "nope"));
        Assert.Equal("COMPLETED", _store.Describe(Org, jobId)!.State);
    }

    [Fact]
    public void AddJob_NegativeStartOffset_StartedEarlier()
    {
        var jobId = _store.AddJob(Org, new SimulatedJob { StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromMinutes(20) });

        var view = _store.Describe(Org, jobId)!;

        Assert.Equal(_time.GetUtcNow().AddMinutes(-5), view.StartTime);
        Assert.Equal(25, view.EstimatedProgress);
    }

    [Fact]
    public void AddJob_UnknownOrganization_AddsOrganization()
    {
        const string other = "m-fedcba9876543210fedcba9876543210";

        var jobId = _store.AddJob(other, new SimulatedJob { JobId = "job-1" });

        Assert.Equal("job-1", jobId);
        Assert.Contains(other, _store.OrganizationIds);
        Assert.Equal(["job-1"], _store.JobIds(other));
    }

    [Fact]
    public void AddJob_GeneratedId_IsUuidMatchingModel()
    {
        var jobId = _store.AddJob(Org, new SimulatedJob());

        Assert.True(Guid.TryParse(jobId, out _));
        Assert.Matches("^[A-Za-z0-9-]{1,63}$", jobId);
    }

    [Fact]
    public void AddJob_DuplicateJobId_Throws()
    {
        _store.AddJob(Org, new SimulatedJob { JobId = "job-1" });

        Assert.Throws<ArgumentException>(() => _store.AddJob(Org, new SimulatedJob { JobId = "job-1" }));
    }

    [Theory]
    [InlineData("bad_id", null, 100)]
    [InlineData(null, "bucket name", 100)]
    [InlineData(null, null, 101)]
    public void AddJob_InvalidJob_ThrowsNamingMember(string? jobId, string? bucket, int outcomeAtProgress)
    {
        var job = new SimulatedJob { JobId = jobId, OutcomeAtProgress = outcomeAtProgress };
        if (bucket is not null)
        {
            job = job with { S3BucketName = bucket };
        }

        var error = Assert.Throws<ArgumentException>(() => _store.AddJob(Org, job));

        Assert.Matches("JobId|S3BucketName|OutcomeAtProgress", error.Message);
    }

    [Theory]
    [InlineData("m-123")]
    [InlineData("M-0123456789abcdef0123456789abcdef")]
    public void AddOrganization_InvalidId_Throws(string organizationId)
    {
        Assert.Throws<ArgumentException>(() => _store.AddOrganization(organizationId));
    }

    [Fact]
    public void RemoveOrganization_Known_RemovesItAndItsJobs()
    {
        _store.AddJob(Org, new SimulatedJob { JobId = "job-1" });

        Assert.True(_store.RemoveOrganization(Org));
        Assert.False(_store.RemoveOrganization(Org));
        Assert.Empty(_store.JobIds(Org));
        Assert.Null(_store.Describe(Org, "job-1"));
    }

    [Fact]
    public void Clear_WithData_ForgetsEverything()
    {
        _store.AddJob(Org, new SimulatedJob());

        _store.Clear();

        Assert.Empty(_store.OrganizationIds);
    }

    [Fact]
    public async Task Describe_ConcurrentReadsAndWrites_NoErrors()
    {
        var tasks = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                var jobId = _store.AddJob(Org, new SimulatedJob { Duration = TimeSpan.FromMinutes(1) });
                _store.HoldProgress(Org, jobId, i % 2 == 0);
                Assert.NotNull(_store.Describe(Org, jobId));
                _store.Cancel(Org, jobId);
                _ = _store.JobIds(Org);
            }
        }));

        await Task.WhenAll(tasks);

        Assert.Equal(1600, _store.JobIds(Org).Count);
    }
}
