using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Watcher.Configuration;
using Watcher.Jobs;

namespace Watcher.Metrics.Otlp;

/// <summary>
/// The per-job families of <see cref="JobSeries"/> as observable gauges, for OTLP only: they live on a meter of their
/// own that only the Delta reader of <see cref="JobSeriesExport"/> collects, so <c>/metrics</c>, which writes the same
/// table itself, never sees them. Each callback reads the job snapshot once and reports one measurement per job (and
/// state) with the labels and values the Prometheus writer uses; a job that is gone is simply not reported.
/// </summary>
internal sealed class JobSeriesGauges
{
    public const string MeterName = "Watcher.ExportJobs";

    private readonly ExportJobStore _store;
    private readonly TimeProvider _time;
    private readonly bool _includeArns;

    public JobSeriesGauges(IMeterFactory meterFactory, ExportJobStore store, TimeProvider time, IOptions<WatcherOptions> options)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _time = time;
        _includeArns = options.Value.Metrics.IncludeArns;
        var meter = meterFactory.Create(MeterName, BuildInfo.Version);
        foreach (var family in JobSeries.Families)
        {
            meter.CreateObservableGauge(family.InstrumentName, () => Observe(family), family.Unit, family.Help);
        }
    }

    private IEnumerable<Measurement<double>> Observe(JobSeriesFamily family)
    {
        var now = _time.GetUtcNow();
        foreach (var job in _store.Current.Values)
        {
            KeyValuePair<string, object?>[]? labels = null;
            for (var variant = 0; variant < family.VariantCount; variant++)
            {
                if (family.Value(job, now, variant) is not { } value)
                {
                    continue;
                }

                labels ??= Labels(family, job);
                if (family.Variant is { } label)
                {
                    yield return new Measurement<double>(value, [.. labels, new(label.Label, label.Values[variant])]);
                }
                else
                {
                    yield return new Measurement<double>(value, labels);
                }
            }
        }
    }

    private KeyValuePair<string, object?>[] Labels(JobSeriesFamily family, ExportJobSnapshot job)
    {
        // A value is present only where its labels can be made: info and failure values need the job's details.
        var labels = family.Labels switch
        {
            JobLabelShape.Info => JobSeries.InfoLabels(job.Key, job.Details!, _includeArns),
            JobLabelShape.Failure => JobSeries.FailureLabels(job.Key, job.Details!),
            _ => JobSeries.JobLabels(job.Key),
        };
        return [.. labels.Select(l => new KeyValuePair<string, object?>(l.Key, l.Value))];
    }
}
