using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Watcher.Configuration;
using Watcher.Jobs;
using Watcher.Metrics;
using Watcher.Tests.Support;

namespace Watcher.Tests.Metrics;

public sealed class WatcherMetricsTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(TestJobs.Start.AddMinutes(10));
    private readonly ExportJobStore _store = new();
    private readonly TestMeterFactory _meters = new();

    // Meters named Watcher stay visible to every host in the process until disposed.
    public void Dispose() => _meters.Dispose();

    [Fact]
    public void Observe_BuildInfo_IsOneWithVersionAndRevision()
    {
        CreateMetrics();

        var build = Single<int>("watcher.build_info");

        Assert.Equal(1, build.Value);
        Assert.False(string.IsNullOrEmpty(Tag(build, "version")));
        Assert.False(string.IsNullOrEmpty(Tag(build, "revision")));
    }

    [Fact]
    public void Observe_ProcessStartTime_IsThisProcessesStartInUnixSeconds()
    {
        CreateMetrics();
        using var process = System.Diagnostics.Process.GetCurrentProcess();

        var start = Single<double>("process.start_time").Value;

        Assert.Equal(new DateTimeOffset(process.StartTime).ToUnixTimeMilliseconds() / 1000.0, start, precision: 3);
    }

    [Fact]
    public void Observe_ProcessResources_ReportMemoryCpuAndThreads()
    {
        CreateMetrics();

        Assert.True(Single<long>("process.resident_memory").Value > 1_000_000);
        Assert.True(Single<double>("process.cpu").Value > 0);
        Assert.True(Single<int>("dotnet.thread_pool.threads").Value >= 1);
        Assert.True(Single<long>("dotnet.thread_pool.queue_length").Value >= 0);
    }

    private void CreateMetrics() =>
        _ = new WatcherMetrics(_meters, _store, new OrganizationStore(), Options.Create(new WatcherOptions()));

    private IReadOnlyList<CollectedMeasurement<T>> Observe<T>(string instrument)
        where T : struct
    {
        using var collector = new MetricCollector<T>(_meters, WatcherMetrics.MeterName, instrument, _time);
        collector.RecordObservableInstruments();
        return collector.GetMeasurementSnapshot();
    }

    private CollectedMeasurement<T> Single<T>(string instrument)
        where T : struct => Assert.Single(Observe<T>(instrument));

    private static string? Tag<T>(CollectedMeasurement<T> measurement, string name)
        where T : struct => measurement.Tags[name] as string;
}
