using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Testing.Prometheus;
using Watcher.Tests.Support;

namespace Watcher.Tests.Web;

/// <summary>
/// What Prometheus really asks for: gzip, and OpenMetrics or text. The response is one document however it is
/// encoded: the exporter's part and the per-job part compressed together, with one # EOF in OpenMetrics.
/// </summary>
[Collection(SequentialHosts.Name)]
public sealed class MetricsEncodingHostTests : IAsyncLifetime
{
    private const string Org = "m-00000000000000000000000000000e2c";
    private const string OpenMetricsAccept = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        _simulator.Store.AddOrganization(Org, "encoding");
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = "running", StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(10) });
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = "failed", StartOffset = TimeSpan.FromHours(-2), Duration = TimeSpan.FromMinutes(30), Outcome = SimulatedOutcome.Fail, OutcomeAtProgress = 40, ErrorInfo = "denied" });
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task Metrics_AsPrometheusAsks_IsOneWholeDocument(bool gzip, bool openMetrics)
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, new
        {
            Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString() },
            Jobs = new[] { new { OrganizationId = Org, JobId = "running" }, new { OrganizationId = Org, JobId = "failed" } },
        });
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (gzip)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        }

        if (openMetrics)
        {
            request.Headers.TryAddWithoutValidation("Accept", OpenMetricsAccept);
        }

        using var response = await host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(gzip ? ["gzip"] : [], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var text = Encoding.UTF8.GetString(gzip ? Gunzip(body) : body);
        Assert.Equal(openMetrics ? "application/openmetrics-text" : "text/plain", response.Content.Headers.ContentType?.MediaType);

        var scrape = PrometheusText.Parse(text);
        Assert.Equal(1, scrape.For("workmail_export_job_state", "running").Sum(s => s.Value));
        Assert.Single(scrape.For("workmail_export_job_failure_info", "failed"));
        Assert.Single(scrape.Named("watcher_build_info"));
        if (openMetrics)
        {
            Assert.EndsWith("\n# EOF\n", text, StringComparison.Ordinal);
            Assert.Single(text.Split('\n'), l => l == "# EOF");
            Assert.Contains("# UNIT workmail_export_job_duration_seconds seconds\n", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("# EOF", text, StringComparison.Ordinal);
            Assert.DoesNotContain("# UNIT", text, StringComparison.Ordinal);
        }
    }

    private static byte[] Gunzip(byte[] body)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }
}
