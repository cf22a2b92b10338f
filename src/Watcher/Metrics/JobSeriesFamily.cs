using Watcher.Jobs;

namespace Watcher.Metrics;

/// <summary>
/// One per-job metric family, defined once for every writer: the OpenTelemetry instrument name and unit, the
/// Prometheus name they translate to, the help text, the labels, and the value read from a job's snapshot.
/// </summary>
/// <param name="InstrumentName">The dotted OpenTelemetry name, e.g. <c>workmail.export_job.state</c>.</param>
/// <param name="Name">The Prometheus name, e.g. <c>workmail_export_job_state</c>.</param>
/// <param name="Unit">The UCUM unit (<c>s</c>, <c>1</c>), or null.</param>
/// <param name="Variant">A label whose value tells the samples of one job apart (<c>state</c>), or null for one sample per job.</param>
/// <param name="Value">The value of variant <c>i</c> at a given time, or null when the job has no such sample.</param>
/// <param name="DependsOnTime">True for a job whose value changes with the time of the scrape (a running job's duration).</param>
public sealed record JobSeriesFamily(
    string InstrumentName,
    string Name,
    string? Unit,
    string Help,
    JobLabelShape Labels,
    JobSeriesVariant? Variant,
    Func<ExportJobSnapshot, DateTimeOffset, int, double?> Value,
    Func<ExportJobSnapshot, bool>? DependsOnTime = null)
{
    /// <summary>How many samples one job can have in this family.</summary>
    public int VariantCount => Variant?.Values.Count ?? 1;

    /// <summary>The OpenMetrics unit name, for families whose Prometheus name ends in it.</summary>
    public string? PrometheusUnit => Unit == "s" ? "seconds" : null;
}
