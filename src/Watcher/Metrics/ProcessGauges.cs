using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Watcher.Metrics;

/// <summary>
/// The process metrics every Prometheus client library serves under the same names (<c>process_cpu_seconds_total</c>,
/// <c>process_resident_memory_bytes</c>, <c>process_start_time_seconds</c>), so that the usual process dashboards and
/// alerts work on Watcher too, and the thread pool as gauges. The rest of the runtime is <see cref="RuntimeMeter"/>.
/// </summary>
internal sealed class ProcessGauges
{
    public ProcessGauges(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        using var process = Process.GetCurrentProcess();
        var startTime = new DateTimeOffset(process.StartTime).ToUnixTimeMilliseconds() / 1000.0;
        meter.CreateObservableCounter("process.cpu", () => Environment.CpuUsage.TotalTime.TotalSeconds, unit: "s", description: "CPU time the process has used, user and system, in seconds.");
        meter.CreateObservableGauge("process.resident_memory", () => Environment.WorkingSet, unit: "By", description: "Resident memory of the process (its working set), in bytes.");
        meter.CreateObservableGauge("process.start_time", () => startTime, unit: "s", description: "When the process started, in Unix seconds.");
        meter.CreateObservableGauge("dotnet.thread_pool.threads", () => ThreadPool.ThreadCount, description: "Thread-pool threads that currently exist.");
        meter.CreateObservableGauge("dotnet.thread_pool.queue_length", () => ThreadPool.PendingWorkItemCount, description: "Work items queued to the thread pool and not yet started.");
    }
}
