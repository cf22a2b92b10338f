using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using Watcher.Clients;
using Watcher.Metrics.Exposition;
using Watcher.Metrics.Otlp;

namespace Watcher.Metrics;

public static class MetricsServiceCollectionExtensions
{
    private const string QuartzMeterName = "Quartz";

    /// <summary>Quartz reports seconds but would get the SDK's millisecond-style default bounds.</summary>
    private static readonly double[] QuartzDurationBuckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>
    /// Of Quartz's own instruments, the two an operator would chart: how long polls take, by group (explicit jobs,
    /// organization listings), and polls that fired late because the scheduler was behind. The rest (job-store
    /// operations, lock waits, trigger acquisition, clustering, Quartz's retries) describe Quartz's internals and
    /// would open every scrape with about a hundred lines. Each keeps only its group-level tags: Quartz also tags
    /// with the job and trigger names, one per watched export job, on streams that never forget a series.
    /// </summary>
    private static readonly Dictionary<string, string[]> QuartzKept = new(StringComparer.Ordinal)
    {
        ["quartz.job.execution.duration"] = ["quartz.job.group", "quartz.job.result"],
        ["quartz.trigger.misfire"] = ["quartz.trigger.group"],
    };

    /// <summary>
    /// Registers the metrics class, the per-job series writer, an OpenTelemetry pipeline for the instruments, and
    /// the in-memory API activity the status page reads. <c>/metrics</c> serves both (see Web/MetricsResponse).
    /// With an OTLP endpoint configured, both also go out over OTLP: the instruments through a Cumulative reader
    /// beside the Prometheus exporter, the per-job series through a Delta pipeline of their own (see Otlp/).
    /// </summary>
    public static IServiceCollection AddWatcherMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = OtlpExport.IsEnabled(configuration);
        services.AddSingleton<ApiActivity>();
        services.AddSingleton<WatcherMetrics>();
        services.AddSingleton<JobSeriesWriter>();
        services.AddSingleton<CoverageSeriesWriter>();

        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(WatcherMetrics.MeterName, QuartzMeterName, RuntimeMeter.Name);

            metrics.AddView(QuartzView);
            metrics.AddView(RuntimeMeter.View);

            metrics.AddPrometheusExporter(options =>
            {
                // Series carry only their own labels: the scrape config supplies job and instance, and
                // otel_scope_* on every sample and a target_info series would add bytes and no meaning.
                options.ScopeInfoEnabled = false;
                options.TargetInfoEnabled = false;

                // Snapshots are already cheap to read; a cache would only make fresh values look stale.
                options.ScrapeResponseCacheDurationMilliseconds = 0;
            });

            if (otlp)
            {
                // Cumulative, as Prometheus, Mimir and other Prometheus-compatible backends expect over OTLP. The
                // counters' and the histogram's label sets are few and long-lived, so keeping their points is cheap.
                metrics.ConfigureResource(OtlpExport.ConfigureResource);
                metrics.AddOtlpExporter((_, reader) => reader.TemporalityPreference = MetricReaderTemporalityPreference.Cumulative);
            }
        });

        if (otlp)
        {
            services.AddHostedService<JobSeriesExport>();
        }

        return services;
    }

    private static MetricStreamConfiguration? QuartzView(Instrument instrument)
    {
        if (instrument.Meter.Name != QuartzMeterName)
        {
            return null;
        }

        if (!QuartzKept.TryGetValue(instrument.Name, out var tagKeys))
        {
            return MetricStreamConfiguration.Drop;
        }

        return instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal)
            ? new ExplicitBucketHistogramConfiguration { Boundaries = QuartzDurationBuckets, TagKeys = tagKeys }
            : new MetricStreamConfiguration { TagKeys = tagKeys };
    }
}
