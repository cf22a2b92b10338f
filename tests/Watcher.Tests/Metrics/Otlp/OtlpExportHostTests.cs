using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Watcher.Metrics;
using Watcher.Metrics.Otlp;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Testing.Network;
using Watcher.Testing.Otlp;
using Watcher.Testing.Waiting;
using Watcher.Tests.Support;

namespace Watcher.Tests.Metrics.Otlp;

/// <summary>
/// The real app with the standard OTEL_* settings pointing at an OTLP/HTTP receiver on loopback: what arrives is
/// what <c>/metrics</c> serves, and a job that is no longer watched stops arriving.
/// </summary>
[Collection(SequentialHosts.Name)]
public sealed class OtlpExportHostTests : IAsyncLifetime
{
    private const string Org = "m-0000000000000000000000000000071a";
    private const string Completed = "otlp-completed";
    private const string Failed = "otlp-failed";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private WorkMailSimulator _simulator = null!;
    private OtlpReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        _simulator.Store.AddOrganization(Org, "otlp");
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = Completed, Description = "legal hold", StartOffset = TimeSpan.FromHours(-3), Duration = TimeSpan.FromHours(1) });
        _simulator.Store.AddJob(Org, new SimulatedJob
        {
            JobId = Failed,
            StartOffset = TimeSpan.FromHours(-3),
            Duration = TimeSpan.FromHours(1),
            Outcome = SimulatedOutcome.Fail,
            OutcomeAtProgress = 40,
            ErrorInfo = "The bucket policy denied the write.",
        });
        _receiver = await OtlpReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Export_WatchedJobs_CarryEveryPerJobSeriesOfMetricsAsGauges()
    {
        await using var host = await StartAsync(Completed, Failed);
        var scrape = await host.ScrapeAsync();

        var batch = await _receiver.WaitForAsync(b => Has(b, Completed) && Has(b, Failed), Timeout, "an export with both jobs' gauges");

        // Every family of the table, as a gauge with its unit, on the OTLP-only meter; each job's points are exactly
        // its /metrics samples: the same labels (the state variant included) and the same values.
        foreach (var family in JobSeries.Families)
        {
            var metric = Assert.Single(batch.Named(family.InstrumentName));
            Assert.Equal((JobSeriesGauges.MeterName, OtlpMetricKind.Gauge, family.Unit ?? string.Empty), (metric.Scope, metric.Kind, metric.Unit));
            foreach (var jobId in new[] { Completed, Failed })
            {
                var served = scrape.For(family.Name, jobId).Select(s => Line(s.Labels, s.Value)).Order(StringComparer.Ordinal).ToList();
                var exported = metric.Points.Where(p => p["job_id"] == jobId).Select(p => Line(p.Attributes, p.Value)).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(served, exported);
            }
        }

        var state = Assert.Single(batch.Named("workmail.export_job.state"));
        Assert.Equal(1, Assert.Single(state.Points, p => p["job_id"] == Failed && p["state"] == "FAILED").Value);
        Assert.Equal(4, state.Points.Count(p => p["job_id"] == Completed));
        Assert.Equal("The bucket policy denied the write.", Assert.Single(Assert.Single(batch.Named("workmail.export_job.failure_info")).Points)["error_info"]);
        Assert.Equal("legal hold", Assert.Single(Assert.Single(batch.Named("workmail.export_job.info")).Points, p => p["job_id"] == Completed)["description"]);
        Assert.Equal(OtlpExport.DefaultServiceName, batch.Resource["service.name"]);
    }

    [Fact]
    public async Task Export_Instruments_AreCumulativeWithTheirUnits()
    {
        await using var host = await StartAsync(Completed);

        var batch = await _receiver.WaitForAsync(
            b => b.Named("workmail.api.requests").Any(m => m.Points.Any(p => p["operation"] == "DescribeMailboxExportJob")),
            Timeout,
            "an export with the API request counter");

        var requests = Assert.Single(batch.Named("workmail.api.requests"));
        Assert.Equal((WatcherMetrics.MeterName, OtlpMetricKind.Sum, OtlpTemporality.Cumulative, true), (requests.Scope, requests.Kind, requests.Temporality, requests.IsMonotonic));
        Assert.Contains(requests.Points, p => p["organization_id"] == Org && p.Value >= 1);
        var duration = Assert.Single(batch.Named("workmail.api.request_duration"));
        Assert.Equal((OtlpMetricKind.Histogram, OtlpTemporality.Cumulative, "s"), (duration.Kind, duration.Temporality, duration.Unit));
        Assert.Contains(duration.Points, p => p["operation"] == "DescribeMailboxExportJob" && p.Count >= 1);
        Assert.Equal("s", Assert.Single(batch.Named("process.start_time")).Unit);
        Assert.Equal(OtlpMetricKind.Sum, Assert.Single(batch.Named("dotnet.gc.collections")).Kind);
        Assert.Empty(batch.Named("workmail.export_job.state"));
    }

    [Fact]
    public async Task Export_WithTheStandardResourceAndHeaderVariables_NamesTheServiceAndSendsTheHeaders()
    {
        await using var host = await StartAsync(Settings(Completed), extra: new()
        {
            ["OTEL_SERVICE_NAME"] = "watcher-eu",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=test",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-api-key=canary-key",
        });

        // Both pipelines: the per-job gauges' and the instruments'.
        var jobs = await _receiver.WaitForAsync(b => Has(b, Completed), Timeout, "an export of the per-job gauges");
        var instruments = await _receiver.WaitForAsync(b => b.Named("workmail.api.requests").Any(), Timeout, "an export of the instruments");

        Assert.All(new[] { jobs, instruments }, batch =>
        {
            Assert.Equal("watcher-eu", batch.Resource["service.name"]);
            Assert.Equal("test", batch.Resource["deployment.environment"]);
            Assert.False(string.IsNullOrEmpty(batch.Resource["service.version"]));
            Assert.Equal("canary-key", batch.Headers["x-api-key"]);
        });
    }

    [Fact]
    public async Task Export_JobRemovedFromSettings_StopsArriving()
    {
        await using var host = await StartAsync(Completed, Failed);
        await _receiver.WaitForAsync(b => Has(b, Failed), Timeout, "an export with the job about to be removed");

        Assert.True(await host.RewriteSettingsAsync(Settings(Completed)));
        var removedAt = _receiver.Batches.Count;

        // An export collected before the change may still be on its way; the one after it cannot carry the job.
        var first = await _receiver.WaitForAsync(b => Has(b, Completed), Timeout, "an export after the job was removed", removedAt);
        var after = _receiver.Batches.ToList().IndexOf(first) + 1;
        await _receiver.WaitForAsync(b => Has(b, Completed), Timeout, "a second export after the job was removed", after);

        var later = _receiver.Batches.Skip(after).ToList();
        Assert.Contains(later, b => Has(b, Completed));
        Assert.DoesNotContain(later, b => Has(b, Failed));
    }

    [Fact]
    public async Task Export_JobsChurningPastTheCardinalityLimit_NeverOverflow()
    {
        // The per-job streams hold MaxWatchedJobs jobs. Under Cumulative temporality the points of jobs that are gone
        // would never be given back, and the third round would already overflow; Delta reclaims them.
        const int maxWatchedJobs = 2;
        string[] Round(int round) => [.. Enumerable.Range(round * maxWatchedJobs, maxWatchedJobs).Select(i => $"otlp-churn-{i}")];
        _simulator.Store.AddJobs(Org, Enumerable.Range(0, maxWatchedJobs * 5).Select(i => new SimulatedJob
        {
            JobId = $"otlp-churn-{i}",
            StartOffset = TimeSpan.FromMinutes(-1),
            Duration = TimeSpan.FromHours(1),
            Outcome = SimulatedOutcome.RunForever,
        }));
        await using var host = await StartAsync(Settings(maxWatchedJobs, Round(0)));

        for (var round = 1; round < 5; round++)
        {
            Assert.True(await host.RewriteSettingsAsync(Settings(maxWatchedJobs, Round(round))));
            var expected = Round(round);
            var batch = await _receiver.WaitForAsync(
                b => b.Named("workmail.export_job.poll_success").SelectMany(m => m.Points).Select(p => p["job_id"]).Order().SequenceEqual(expected),
                Timeout,
                $"an export of exactly round {round}'s jobs",
                _receiver.Batches.Count);

            Assert.DoesNotContain(batch.Metrics.SelectMany(m => m.Points), p => p.Attributes.ContainsKey("otel.metric.overflow"));
            Assert.Equal(4 * maxWatchedJobs, Assert.Single(batch.Named("workmail.export_job.state")).Points.Count);
        }
    }

    [Fact]
    public async Task Export_CollectorUnreachable_MetricsStillServesEverySeries()
    {
        using var failures = new OtlpExportFailures();
        await using var host = await StartAsync(Settings(Completed), new Uri($"http://127.0.0.1:{FreePort.Next()}/"));

        // Both pipelines have failed to send, more than once; the scrape answers as ever.
        await Wait.UntilAsync(() => failures.Count >= 4, failures.Changed, Timeout, () => $"failed exports (seen {failures.Count})");
        var scrape = await host.ScrapeAsync();

        Assert.Equal(1, Assert.Single(scrape.For("workmail_export_job_state", Completed), s => s["state"] == "COMPLETED").Value);
        Assert.NotEmpty(scrape.Named("workmail_api_requests_total"));
        Assert.Empty(_receiver.Batches);
    }

    [Fact]
    public async Task Start_WithoutAnOtlpEndpoint_AddsNoOtlpPipeline()
    {
        var published = new List<string>();
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings(Completed));
        await host.WaitUntilReadyAsync(Timeout);
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    published.Add($"{instrument.Meter.Name}/{instrument.Name}");
                }
            };
            listener.Start();
        }

        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s is JobSeriesExport);
        Assert.Contains($"{WatcherMetrics.MeterName}/workmail.api.requests", published);
        Assert.DoesNotContain(published, name => name.StartsWith(JobSeriesGauges.MeterName + "/", StringComparison.Ordinal));
        Assert.Empty(_receiver.Batches);
    }

    private static bool Has(OtlpBatch batch, string jobId) =>
        batch.Named("workmail.export_job.state").Any(m => m.Points.Any(p => p["job_id"] == jobId));

    private static string Line(IReadOnlyDictionary<string, string> labels, double value) =>
        string.Join(',', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + " " + value.ToString("R", CultureInfo.InvariantCulture);

    private Task<WatcherTestHost> StartAsync(params string[] jobIds) => StartAsync(Settings(jobIds));

    private async Task<WatcherTestHost> StartAsync(object settings, Uri? endpoint = null, Dictionary<string, string?>? extra = null)
    {
        var otel = new Dictionary<string, string?>(extra ?? [])
        {
            [OtlpExport.EndpointVariable] = (endpoint ?? _receiver.Endpoint).ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        };
        var host = await WatcherTestHost.StartAsync(_simulator, settings, builder => builder.Configuration.AddInMemoryCollection(otel));
        await host.WaitUntilReadyAsync(Timeout);
        return host;
    }

    private object Settings(params string[] jobIds) => Settings(10_000, jobIds);

    private object Settings(int maxWatchedJobs, string[] jobIds) => new
    {
        Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString() },
        MaxWatchedJobs = maxWatchedJobs,
        Jobs = jobIds.Select(id => new { OrganizationId = Org, JobId = id }).ToArray(),
    };
}
