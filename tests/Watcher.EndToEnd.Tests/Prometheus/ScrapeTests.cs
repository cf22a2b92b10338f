using System.Globalization;
using Watcher.EndToEnd.Tests.Dashboard;
using Watcher.EndToEnd.Tests.Rules;
using Watcher.EndToEnd.Tests.Support;
using Watcher.Testing.Deployment;
using Watcher.Testing.Processes;
using Watcher.Testing.Waiting;

namespace Watcher.EndToEnd.Tests.Prometheus;

/// <summary>What a real Prometheus scrapes from Watcher. The tests only read, so they share one scenario.</summary>
public sealed class ScrapeTests(FaultyScenario scenario) : IClassFixture<FaultyScenario>
{
    private readonly Scenario _e2e = scenario.E2e;

    [Fact]
    public async Task Scrape_InBothFormats_IsUpWithEverySample()
    {
        var prometheus = _e2e.Prometheus;
        await prometheus.WaitForDataAsync($"up{{job=\"{Scenario.TextJob}\"}} == 1", TimeSpan.FromSeconds(30));

        using var http = new HttpClient { BaseAddress = _e2e.Watcher.Address };
        var (openMetricsType, openMetricsSamples) = await FetchAsync(http, "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        var (textType, textSamples) = await FetchAsync(http, accept: null);
        Assert.StartsWith("application/openmetrics-text", openMetricsType, StringComparison.Ordinal);
        Assert.StartsWith("text/plain", textType, StringComparison.Ordinal);
        Assert.Contains("version=0.0.4", textType, StringComparison.Ordinal);

        // Prometheus counted exactly what Watcher served, in each format (series settle once every job is polled).
        await EventuallyAsync(async () =>
        {
            var (_, expectedOpenMetrics) = await FetchAsync(http, "application/openmetrics-text;version=1.0.0");
            var (_, expectedText) = await FetchAsync(http, accept: null);
            var scrapedDirect = await ScalarAsync($"scrape_samples_scraped{{job=\"{AlertRules.Job}\"}}");
            var scrapedText = await ScalarAsync($"scrape_samples_scraped{{job=\"{Scenario.TextJob}\"}}");
            return (scrapedDirect == expectedOpenMetrics && scrapedText == expectedText, $"direct {scrapedDirect} vs {expectedOpenMetrics} served; text {scrapedText} vs {expectedText} served");
        });
        Assert.True(openMetricsSamples > 50 && textSamples > 50);
    }

    [Fact]
    public async Task Scrape_Output_PassesPromtoolCheckMetrics()
    {
        using var http = new HttpClient { BaseAddress = _e2e.Watcher.Address };
        var text = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, text);
        try
        {
            var result = Tool.Promtool.Run(["check", "metrics"], workingDirectory: null, standardInputFile: file);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(string.Empty, (result.Output + result.Error).Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Scrape_HelpOfEveryGaugeReadFromWorkMail_SaysItIsAsOfTheLastPoll()
    {
        await _e2e.Prometheus.WaitForDataAsync("workmail_export_job_failure_info", TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = _e2e.Watcher.Address };

        var lines = (await http.GetStringAsync(new Uri("metrics", UriKind.Relative))).Split('\n');

        // Watcher polls on its own schedule; Prometheus' writing-exporters guide asks that HELP say the values are as
        // of the last poll (coverage: of the last scan). Counters and the histogram count Watcher's own calls, and poll and
        // scan success are about the poll or scan.
        var gauges = lines.Where(l => l.StartsWith("# TYPE workmail_", StringComparison.Ordinal) && l.EndsWith(" gauge", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[2])
            .Where(name => !name.Contains("poll_success", StringComparison.Ordinal) && !name.Contains("scan_success", StringComparison.Ordinal))

            // A constant, not read from WorkMail.
            .Where(name => name != "workmail_export_end_of_support_timestamp_seconds")
            .ToList();
        Assert.True(gauges.Count >= 10, $"Only {gauges.Count} workmail_ gauges in the scrape.");
        Assert.All(gauges, name =>
        {
            var help = Assert.Single(lines, l => l.StartsWith($"# HELP {name} ", StringComparison.Ordinal));
            Assert.Contains("as of the last", help, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Prometheus_HasEveryReferenceMetric_WithTheDocumentedLabels()
    {
        var prometheus = _e2e.Prometheus;
        await prometheus.WaitForDataAsync("workmail_export_job_failure_info", TimeSpan.FromSeconds(60));
        await prometheus.WaitForDataAsync("workmail_export_job_state_transitions_total", TimeSpan.FromSeconds(60));
        await prometheus.WaitForDataAsync("workmail_api_request_retries_total", TimeSpan.FromSeconds(60));

        Assert.True(MetricTable.Rows.Count >= 20, $"The metric reference ({MetricReference.Document}) is too short to be the real one.");
        // Refused retries need faults lasting long enough to spend the SDK's retry quota, which this scenario's brief
        // bursts never do; RetryQuotaObserverHandlerTests and WorkMailClientsTests make them happen.
        foreach (var (name, type, labels) in MetricTable.Rows.Where(r => r.Name != "workmail_api_request_retries_refused_total"))
        {
            var series = type.StartsWith("histogram", StringComparison.Ordinal) ? $"{name}_count" : name;
            var found = await prometheus.SeriesAsync($"{{__name__=\"{series}\",job=\"{AlertRules.Job}\"}}");
            Assert.True(found.Count > 0, $"{series} is missing from Prometheus.");
            var labelNames = found[0]!.AsObject().Select(kv => kv.Key).Where(k => k is not "__name__" and not "job" and not "instance").Order();
            Assert.Equal(labels.Order(), labelNames);
        }
    }

    [Fact]
    public async Task Dashboard_EveryPanelQuery_RunsAndReturnsData()
    {
        var prometheus = _e2e.Prometheus;
        await prometheus.WaitForDataAsync("workmail_export_job_failure_info", TimeSpan.FromSeconds(60));
        await prometheus.WaitForDataAsync("workmail_export_job_state_transitions_total", TimeSpan.FromSeconds(60));
        await prometheus.WaitForDataAsync("""workmail_api_request_retries_total{error_code="ThrottlingException"}""", TimeSpan.FromSeconds(60));
        await prometheus.WaitForDataAsync("workmail_organization_poll_success", TimeSpan.FromSeconds(60));
        await prometheus.WaitForDataAsync("workmail:organization_export_projected_finish_timestamp_seconds", TimeSpan.FromSeconds(60));

        var queries = DashboardQueries.All().ToList();
        Assert.True(queries.Count >= 10, $"Only {queries.Count} dashboard queries.");

        // Rates need two scrapes of a series inside their window, so a panel may come up empty for a few seconds.
        var empty = new List<string>();
        await Wait.UntilAsync(
            async () =>
            {
                empty.Clear();
                foreach (var (panel, query) in queries)
                {
                    var promql = DashboardQueries.Substitute(query, organizations: [Scenario.Listed, Scenario.Discovered], job: AlertRules.Job);
                    if ((await prometheus.QueryAsync(promql)).Count == 0)
                    {
                        empty.Add($"Panel '{panel}' returned no data for `{promql}`.");
                    }
                }

                return empty.Count == 0;
            },
            TimeSpan.FromSeconds(20),
            () => string.Join("\n", empty),
            every: TimeSpan.FromSeconds(1));
    }

    private async Task<double> ScalarAsync(string promql)
    {
        var result = await _e2e.Prometheus.QueryAsync(promql);
        return result.Count == 0 ? double.NaN : double.Parse((string)result[0]!["value"]![1]!, CultureInfo.InvariantCulture);
    }

    private static async Task<(string ContentType, int Samples)> FetchAsync(HttpClient http, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("metrics", UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var samples = body.Split('\n').Count(l => l.Length > 0 && l[0] != '#');
        return (response.Content.Headers.ContentType?.ToString() ?? string.Empty, samples);
    }

    private static Task EventuallyAsync(Func<Task<(bool Done, string State)>> check)
    {
        var state = string.Empty;
        return Wait.UntilAsync(
            async () =>
            {
                (var done, state) = await check();
                return done;
            },
            TimeSpan.FromSeconds(40),
            () => $"Prometheus to settle: {state}",
            every: TimeSpan.FromSeconds(1));
    }
}
