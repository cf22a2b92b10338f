using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using Watcher.Configuration;
using Watcher.Jobs;

namespace Watcher.Metrics;

public static class MetricsServiceCollectionExtensions
{
    private const string QuartzMeterName = "Quartz";

    private const int MaxMetricStreams = 20_000;

    /// <summary>Quartz reports seconds but would get the SDK's millisecond-style default bounds.</summary>
    private static readonly double[] QuartzDurationBuckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>
    /// Quartz tags its measurements with the job and trigger names: one per watched export job, on
    /// streams that never forget a series. Keeping only the group-level tags bounds the cardinality.
    /// </summary>
    private static readonly string[] QuartzTagKeys =
        ["quartz.job.group", "quartz.job.result", "quartz.trigger.group", "quartz.scheduler.name", "quartz.operation", "quartz.jobstore.operation", "quartz.result"];

    /// <summary>
    /// Registers the metrics class, an OpenTelemetry pipeline that Prometheus scrapes at <c>/metrics</c>, and the
    /// in-memory API activity the status page reads.
    /// </summary>
    public static IServiceCollection AddWatcherMetrics(this IServiceCollection services)
    {
        services.AddSingleton<ExportJobStore>();
        services.AddSingleton<OrganizationStore>();
        services.AddSingleton<ApiActivity>();
        services.AddSingleton(provider => new WatcherMetrics(
            provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            provider.GetRequiredService<ExportJobStore>(),
            provider.GetRequiredService<OrganizationStore>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WatcherOptions>>(),
            afterRotation: () => PrometheusExporterCache.TryClear(provider.GetService<MeterProvider>())));

        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(WatcherMetrics.MeterName, QuartzMeterName);

            // Every generation of per-job gauges takes new stream slots, which OpenTelemetry never reuses;
            // the default of 1000 would run out after about a hundred generations.
            metrics.SetMaxMetricStreams(MaxMetricStreams);

            metrics.AddView(QuartzView);

            metrics.AddPrometheusExporter(options =>
            {
                // Series carry only their own labels: the scrape config supplies job and instance, and
                // otel_scope_* on every sample and a target_info series would add bytes and no meaning.
                options.ScopeInfoEnabled = false;
                options.TargetInfoEnabled = false;

                // Snapshots are already cheap to read; a cache would only make fresh values look stale.
                options.ScrapeResponseCacheDurationMilliseconds = 0;
            });
        });

        // The meter provider is built when /metrics is mapped, before the options are validated and the
        // process exits on a bad value; so read the raw setting here and leave the verdict to validation.
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) =>
        {
            var configured = provider.GetRequiredService<IConfiguration>()[$"{WatcherOptions.SectionName}:{nameof(WatcherOptions.MaxWatchedJobs)}"];
            var maxWatchedJobs = int.TryParse(configured, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1
                ? Math.Min(value, WatcherOptionsValidator.MaxMaxWatchedJobs)
                : new WatcherOptions().MaxWatchedJobs;
            var jobs = WatcherMetrics.JobsPerGeneration(maxWatchedJobs);
            foreach (var (name, seriesPerJob) in PerJobGauges.Instruments)
            {
                metrics.AddView(name, new MetricStreamConfiguration { CardinalityLimit = jobs * seriesPerJob });
            }
        });

        return services;
    }

    private static MetricStreamConfiguration? QuartzView(Instrument instrument)
    {
        if (instrument.Meter.Name != QuartzMeterName)
        {
            return null;
        }

        return instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal)
            ? new ExplicitBucketHistogramConfiguration { Boundaries = QuartzDurationBuckets, TagKeys = QuartzTagKeys }
            : new MetricStreamConfiguration { TagKeys = QuartzTagKeys };
    }
}
