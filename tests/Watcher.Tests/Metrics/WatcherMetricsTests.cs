using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Watcher.Configuration;
using Watcher.Jobs;
using Watcher.Metrics;
using Watcher.Tests.Support;
using Watcher.WorkMail.Model;

namespace Watcher.Tests.Metrics;

public sealed class WatcherMetricsTests : IDisposable
{
    private static readonly WatchedJobKey Running = new(TestJobs.Org, "running");
    private static readonly WatchedJobKey Failed = new(TestJobs.Org, "failed");

    private readonly FakeTimeProvider _time = new(TestJobs.Start.AddMinutes(10));
    private readonly ExportJobStore _store = new();
    private readonly TestMeterFactory _meters = new();

    private WatcherMetrics? _metrics;

    // Meters named Watcher stay visible to every host in the process until disposed.
    public void Dispose()
    {
        _metrics?.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public void Observe_RunningJob_ExportsStateProgressTimesAndInfo()
    {
        CreateMetrics();
        Record(Running, TestJobs.Running("running", 40), polledAt: TestJobs.Start.AddMinutes(9));

        var state = Observe<int>("workmail.export_job.state");
        Assert.Equal(4, state.Count);
        Assert.Equal(1, state.Single(m => Tag(m, "state") == "RUNNING").Value);
        Assert.All(state.Where(m => Tag(m, "state") != "RUNNING"), m => Assert.Equal(0, m.Value));
        Assert.All(state, m => Assert.Equal("running", Tag(m, "job_id")));

        Assert.Equal(0.4, Single<double>("workmail.export_job.progress_ratio").Value, 6);
        Assert.Equal(TestJobs.Start.ToUnixTimeSeconds(), Single<double>("workmail.export_job.start_timestamp").Value);
        Assert.Empty(Observe<double>("workmail.export_job.end_timestamp"));
        Assert.Equal(600, Single<double>("workmail.export_job.duration").Value);
        Assert.Equal(TestJobs.Start.AddMinutes(9).ToUnixTimeSeconds(), Single<double>("workmail.export_job.last_poll_success_timestamp").Value);
        Assert.Equal(1, Single<int>("workmail.export_job.poll_success").Value);
        Assert.Empty(Observe<int>("workmail.export_job.failure_info"));

        var info = Single<int>("workmail.export_job.info");
        Assert.Equal(1, info.Value);
        Assert.Equal("entity-running", Tag(info, "entity_id"));
        Assert.Equal("export running", Tag(info, "description"));
        Assert.Equal("bucket", Tag(info, "s3_bucket_name"));
        Assert.Equal("prefix/running", Tag(info, "s3_prefix"));
        Assert.Equal("s3://bucket/prefix/running.zip", Tag(info, "s3_path"));
        Assert.DoesNotContain(info.Tags, t => t.Key is "role_arn" or "kms_key_arn");
    }

    [Fact]
    public void Observe_RunningJob_DurationGrowsWithTime()
    {
        CreateMetrics();
        Record(Running, TestJobs.Running("running", 40), polledAt: TestJobs.Start);

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(900, Single<double>("workmail.export_job.duration").Value);
    }

    [Fact]
    public void Observe_FailedJob_ExportsEndDurationAndTruncatedErrorInfo()
    {
        CreateMetrics();
        var errorInfo = new string('x', 300);
        Record(Failed, TestJobs.Ended("failed", ExportJobState.Failed, 55, TimeSpan.FromMinutes(4), errorInfo), polledAt: TestJobs.Start.AddMinutes(5));

        Assert.Equal(1, Observe<int>("workmail.export_job.state").Single(m => Tag(m, "state") == "FAILED").Value);
        Assert.Equal(TestJobs.Start.AddMinutes(4).ToUnixTimeSeconds(), Single<double>("workmail.export_job.end_timestamp").Value);
        Assert.Equal(240, Single<double>("workmail.export_job.duration").Value);
        var failure = Single<int>("workmail.export_job.failure_info");
        Assert.Equal(new string('x', 256), Tag(failure, "error_info"));
    }

    [Fact]
    public void Observe_AfterFailedPoll_KeepsValuesAndReportsPollFailure()
    {
        CreateMetrics();
        Record(Running, TestJobs.Running("running", 40), polledAt: TestJobs.Start);
        _store.TryUpdate(Running, j => j.WithFailure("ThrottlingException", "Rate exceeded"), out _, out _);

        Assert.Equal(0, Single<int>("workmail.export_job.poll_success").Value);
        Assert.Equal(0.4, Single<double>("workmail.export_job.progress_ratio").Value, 6);
        Assert.Equal(TestJobs.Start.ToUnixTimeSeconds(), Single<double>("workmail.export_job.last_poll_success_timestamp").Value);
    }

    [Fact]
    public void Observe_JobNeverDescribed_ExportsOnlyPollFailure()
    {
        CreateMetrics();
        _store.Watch(Running);
        _store.TryUpdate(Running, j => j.WithFailure("AccessDeniedException", "denied"), out _, out _);

        Assert.Equal(0, Single<int>("workmail.export_job.poll_success").Value);
        Assert.Empty(Observe<int>("workmail.export_job.state"));
        Assert.Empty(Observe<int>("workmail.export_job.info"));
        Assert.Empty(Observe<double>("workmail.export_job.last_poll_success_timestamp"));
    }

    [Fact]
    public void Observe_UnwatchedJob_HasNoSeries()
    {
        CreateMetrics();
        Record(Running, TestJobs.Running("running", 40), polledAt: TestJobs.Start);
        Record(Failed, TestJobs.Ended("failed", ExportJobState.Failed, 55, TimeSpan.FromMinutes(4), "boom"), polledAt: TestJobs.Start);

        _store.Unwatch(Failed);

        foreach (var (name, _) in PerJobGauges.Instruments)
        {
            Assert.DoesNotContain(ObserveAny(name), tags => tags.TryGetValue("job_id", out var id) && Equals(id, "failed"));
        }

        Assert.Single(Observe<int>("workmail.export_job.info"));
    }

    [Fact]
    public void Observe_WithArnsOptedIn_AddsRoleAndKeyToInfo()
    {
        CreateMetrics(includeArns: true);
        Record(Running, TestJobs.Running("running", 40), polledAt: TestJobs.Start);

        var info = Single<int>("workmail.export_job.info");

        Assert.Equal("arn:aws:iam::111122223333:role/export", Tag(info, "role_arn"));
        Assert.Equal("arn:aws:kms:us-east-1:111122223333:key/k", Tag(info, "kms_key_arn"));
    }

    [Fact]
    public void Observe_BuildInfo_IsOneWithVersionAndRevision()
    {
        CreateMetrics();

        var build = Single<int>("watcher.build_info");

        Assert.Equal(1, build.Value);
        Assert.False(string.IsNullOrEmpty(Tag(build, "version")));
        Assert.False(string.IsNullOrEmpty(Tag(build, "revision")));
    }

    private void CreateMetrics(bool includeArns = false) =>
        _metrics = new WatcherMetrics(_meters, _store, new OrganizationStore(), _time, Options.Create(new WatcherOptions { Metrics = new MetricsOptions { IncludeArns = includeArns } }));

    private void Record(WatchedJobKey key, ExportJobDetails details, DateTimeOffset polledAt)
    {
        _store.Watch(key);
        _store.TryUpdate(key, j => j.WithSuccess(details, polledAt), out _, out _);
    }

    private IReadOnlyList<CollectedMeasurement<T>> Observe<T>(string instrument)
        where T : struct
    {
        using var collector = new MetricCollector<T>(_meters, WatcherMetrics.MeterName, instrument, _time);
        collector.RecordObservableInstruments();
        return collector.GetMeasurementSnapshot();
    }

    private List<IReadOnlyDictionary<string, object?>> ObserveAny(string instrument)
    {
        var ints = Observe<int>(instrument).Select(m => m.Tags);
        var doubles = Observe<double>(instrument).Select(m => m.Tags);
        return [.. ints, .. doubles];
    }

    private CollectedMeasurement<T> Single<T>(string instrument)
        where T : struct => Assert.Single(Observe<T>(instrument));

    private static string? Tag<T>(CollectedMeasurement<T> measurement, string name)
        where T : struct => measurement.Tags[name] as string;
}
