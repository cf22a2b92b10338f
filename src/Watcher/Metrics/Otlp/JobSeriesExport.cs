using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Watcher.Configuration;
using Watcher.Jobs;

namespace Watcher.Metrics.Otlp;

/// <summary>
/// The OTLP pipeline of the per-job gauges: a MeterProvider of its own, because OpenTelemetry sets temporality per
/// reader and these need Delta while the counters need Cumulative. Under Delta the SDK reclaims the point of every
/// series a collection did not report, so jobs that come and go leave nothing behind. It reads the host's
/// configuration, so the standard OTEL_* settings apply to both pipelines alike.
/// </summary>
internal sealed class JobSeriesExport(
    IMeterFactory meterFactory, ExportJobStore store, TimeProvider time, IConfiguration configuration, IOptions<WatcherOptions> options)
    : IHostedService, IDisposable
{
    private MeterProvider? _provider;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = new JobSeriesGauges(meterFactory, store, time, options);
        var maxWatchedJobs = options.Value.MaxWatchedJobs;
        _provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureServices(services => services.AddSingleton(configuration))
            .ConfigureResource(OtlpExport.ConfigureResource)
            .AddMeter(JobSeriesGauges.MeterName)
            .AddView(instrument => CardinalityView(instrument, maxWatchedJobs))
            .AddOtlpExporter((_, reader) => reader.TemporalityPreference = MetricReaderTemporalityPreference.Delta)
            .Build();
        return Task.CompletedTask;
    }

    /// <summary>Exports what is left, then stops.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _provider?.Dispose();
        _provider = null;
    }

    /// <summary>Room for every watched job in every family (the default of 2000 points would overflow at 500 jobs' states).</summary>
    private static MetricStreamConfiguration? CardinalityView(Instrument instrument, int maxWatchedJobs)
    {
        if (instrument.Meter.Name != JobSeriesGauges.MeterName)
        {
            return null;
        }

        var family = JobSeries.Families.FirstOrDefault(f => f.InstrumentName == instrument.Name);
        return new MetricStreamConfiguration { CardinalityLimit = maxWatchedJobs * (family?.VariantCount ?? 1) };
    }
}
