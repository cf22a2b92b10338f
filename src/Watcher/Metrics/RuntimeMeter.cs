using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Watcher.Metrics;

/// <summary>
/// .NET's built-in <c>System.Runtime</c> meter (CPU time, working set, GC, JIT, lock contention, exceptions), served
/// as <c>dotnet_*</c>. A few instruments are left out: those named <c>*.count</c>, whose Prometheus names would end
/// in <c>_count</c>, which promtool rejects outside histograms, and the thread-pool thread count and queue length,
/// which the Prometheus exporter types as counters (<c>_total</c>) although they go down; <see cref="ProcessGauges"/>
/// serves those two as gauges.
/// </summary>
public static class RuntimeMeter
{
    public const string Name = "System.Runtime";

    /// <summary>The instruments of the meter that are not exported.</summary>
    public static IReadOnlySet<string> Dropped { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "dotnet.assembly.count",
        "dotnet.process.cpu.count",
        "dotnet.thread_pool.queue.length",
        "dotnet.thread_pool.thread.count",
        "dotnet.timer.count",
    };

    public static MetricStreamConfiguration? View(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument.Meter.Name == Name && Dropped.Contains(instrument.Name) ? MetricStreamConfiguration.Drop : null;
    }
}
