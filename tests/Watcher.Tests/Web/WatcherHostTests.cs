using System.Net;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Testing.Time;
using Watcher.Tests.Support;

namespace Watcher.Tests.Web;

/// <summary>The real app against the simulator, on simulated time: a next poll comes as soon as the test asks for it.</summary>
[Collection(SequentialHosts.Name)]
public sealed class WatcherHostTests : IAsyncLifetime
{
    private const string Org = "m-00000000000000000000000000000e2e";
    private const string Missing = "missing-job";

    private static readonly string[] States = ["RUNNING", "COMPLETED", "FAILED", "CANCELLED"];

    private readonly SimulatedTime _time = new();
    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions(), _time.Clock);
        _simulator.Store.AddOrganization(Org, "e2e");
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = "running", Description = "Still going", StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(10) });
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = "completed", Description = "Done", StartOffset = TimeSpan.FromHours(-2), Duration = TimeSpan.FromMinutes(30) });
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = "failed", Description = "Broken", StartOffset = TimeSpan.FromHours(-2), Duration = TimeSpan.FromMinutes(30), Outcome = SimulatedOutcome.Fail, OutcomeAtProgress = 40, ErrorInfo = "Access denied to the S3 bucket \"exports\"" });
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = "cancelled", Description = "Stopped", StartOffset = TimeSpan.FromHours(-2), Duration = TimeSpan.FromMinutes(30), Outcome = SimulatedOutcome.Cancel, OutcomeAtProgress = 10 });
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Metrics_AfterFirstPoll_ExportEveryDocumentedSeries()
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings("running", "completed", "failed", "cancelled", Missing), time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        var scrape = await host.ScrapeAsync();

        foreach (var job in new[] { "running", "completed", "failed", "cancelled" })
        {
            var state = scrape.For("workmail_export_job_state", job).ToList();
            Assert.Equal(States.Order(), state.Select(s => s["state"]).Order());
            Assert.All(state, s => Assert.Equal(Org, s["organization_id"]));
            Assert.Equal(1, state.Sum(s => s.Value));
            Assert.Single(scrape.For("workmail_export_job_progress_ratio", job));
            Assert.Single(scrape.For("workmail_export_job_start_timestamp_seconds", job));
            Assert.Single(scrape.For("workmail_export_job_duration_seconds", job));
            Assert.Single(scrape.For("workmail_export_job_progress_change_timestamp_seconds", job));
            Assert.Equal(1, Assert.Single(scrape.For("workmail_export_job_poll_success", job)).Value);
            Assert.Single(scrape.For("workmail_export_job_last_poll_success_timestamp_seconds", job));
            var info = Assert.Single(scrape.For("workmail_export_job_info", job));
            Assert.Equal(1, info.Value);
            Assert.Equal(
                ["description", "entity_id", "job_id", "organization_id", "s3_bucket_name", "s3_path", "s3_prefix"],
                info.Labels.Keys.Order());
        }

        Assert.Equal(1, scrape.For("workmail_export_job_state", "running").Single(s => s["state"] == "RUNNING").Value);
        Assert.Equal(1, scrape.For("workmail_export_job_state", "completed").Single(s => s["state"] == "COMPLETED").Value);
        Assert.Equal(1, scrape.For("workmail_export_job_state", "failed").Single(s => s["state"] == "FAILED").Value);
        Assert.Equal(1, scrape.For("workmail_export_job_state", "cancelled").Single(s => s["state"] == "CANCELLED").Value);

        Assert.Equal(1.0, scrape.For("workmail_export_job_progress_ratio", "completed").Single().Value);
        Assert.Equal(0.4, scrape.For("workmail_export_job_progress_ratio", "failed").Single().Value);
        Assert.InRange(scrape.For("workmail_export_job_progress_ratio", "running").Single().Value, 0.0, 0.05);

        Assert.Empty(scrape.For("workmail_export_job_end_timestamp_seconds", "running"));
        var completedStart = scrape.For("workmail_export_job_start_timestamp_seconds", "completed").Single().Value;
        var completedEnd = scrape.For("workmail_export_job_end_timestamp_seconds", "completed").Single().Value;
        Assert.Equal(1800, completedEnd - completedStart, 1);
        Assert.Equal(1800, scrape.For("workmail_export_job_duration_seconds", "completed").Single().Value, 1);
        Assert.InRange(scrape.For("workmail_export_job_duration_seconds", "running").Single().Value, 299, 400);

        var failure = Assert.Single(scrape.Named("workmail_export_job_failure_info"));
        Assert.Equal("failed", failure["job_id"]);
        Assert.Equal("Access denied to the S3 bucket \"exports\"", failure["error_info"]);

        // A configured job that does not exist: polled, failed, no invented values.
        Assert.Equal(0, Assert.Single(scrape.For("workmail_export_job_poll_success", Missing)).Value);
        Assert.Empty(scrape.For("workmail_export_job_state", Missing));

        var requests = scrape.Named("workmail_api_requests_total").Single(s => s["operation"] == "DescribeMailboxExportJob" && s["organization_id"] == Org);
        Assert.True(requests.Value >= 5, $"expected at least 5 describes, saw {requests.Value}");
        var notFound = Assert.Single(scrape.Named("workmail_api_request_errors_total"));
        Assert.Equal("EntityNotFoundException", notFound["error_code"]);
        Assert.Equal("DescribeMailboxExportJob", notFound["operation"]);
        Assert.Contains(scrape.Named("workmail_api_request_duration_seconds_bucket"), s => s["le"] == "0.005" && s["operation"] == "DescribeMailboxExportJob");
        Assert.Contains(scrape.Named("workmail_api_request_duration_seconds_bucket"), s => s["le"] == "30" && s["operation"] == "DescribeMailboxExportJob");
        Assert.Equal(requests.Value, scrape.Named("workmail_api_request_duration_seconds_count").Single(s => s["operation"] == "DescribeMailboxExportJob").Value);

        var build = Assert.Single(scrape.Named("watcher_build_info"));
        Assert.Equal(1, build.Value);
        Assert.Equal(["revision", "version"], build.Labels.Keys.Order());

        // Quartz's meter is exported with buckets in seconds and without per-job labels.
        var quartzBuckets = scrape.Named("quartz_job_execution_duration_seconds_bucket").ToList();
        Assert.Contains(quartzBuckets, s => s["le"] == "0.005");
        Assert.DoesNotContain(scrape.Samples, s => s.Name.StartsWith("quartz_", StringComparison.Ordinal) && (s.Labels.ContainsKey("quartz_job_name") || s.Labels.ContainsKey("quartz_trigger_name")));

        Assert.Equal("gauge", scrape.Types["workmail_export_job_state"]);
        Assert.Equal("counter", scrape.Types["workmail_api_requests_total"]);
        Assert.Equal("histogram", scrape.Types["workmail_api_request_duration_seconds"]);
        Assert.DoesNotContain(scrape.Samples, s => s.Labels.ContainsKey("job") || s.Labels.ContainsKey("instance") || s.Labels.ContainsKey("otel_scope_name"));
        Assert.DoesNotContain(scrape.Samples, s => s.Name == "target_info");
    }

    [Fact]
    public async Task Metrics_WhenJobsChangeState_CountTransitionsAndStopPollingTerminalJobs()
    {
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = "quick", StartOffset = TimeSpan.FromSeconds(-1), Duration = TimeSpan.FromHours(1), Outcome = SimulatedOutcome.RunForever });
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings("quick", "completed"), time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await host.ScrapeAsync()).For("workmail_export_job_state", "quick").Single(s => s["state"] == "RUNNING").Value);

        Assert.True(_simulator.Store.Cancel(Org, "quick"));

        var scrape = await host.ScrapeUntilAsync(
            s => s.For("workmail_export_job_state", "quick").Any(x => x["state"] == "CANCELLED" && x.Value == 1),
            TimeSpan.FromSeconds(30),
            "the cancelled job to be seen");
        var transition = Assert.Single(scrape.Named("workmail_export_job_state_transitions_total"));
        Assert.Equal(("RUNNING", "CANCELLED", Org, 1.0), (transition["from_state"], transition["to_state"], transition["organization_id"], transition.Value));

        // Terminal jobs are described once and never again.
        var completedCalls = _simulator.Requests.All.Count(r => r.Body.Contains("\"completed\"", StringComparison.Ordinal));
        Assert.Equal(1, completedCalls);
    }

    [Fact]
    public async Task Metrics_WhenDescribeStartsFailing_KeepValuesAndShowStaleness()
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings("running"), time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        var before = await host.ScrapeAsync();

        _simulator.Faults.ServerErrorRatio = 1;

        var after = await host.ScrapeUntilAsync(
            s => s.For("workmail_export_job_poll_success", "running").Single().Value == 0,
            TimeSpan.FromSeconds(30),
            "the failing poll to show");
        _simulator.Faults.Reset();

        Assert.Equal(before.For("workmail_export_job_progress_ratio", "running").Single().Value, after.For("workmail_export_job_progress_ratio", "running").Single().Value);
        Assert.Equal(before.For("workmail_export_job_last_poll_success_timestamp_seconds", "running").Single().Value, after.For("workmail_export_job_last_poll_success_timestamp_seconds", "running").Single().Value);
        var retries = after.Named("workmail_api_request_retries_total").Where(s => s["operation"] == "DescribeMailboxExportJob").ToList();
        Assert.NotEmpty(retries);
        Assert.All(retries, r => Assert.Contains(r["error_code"], new[] { "InternalFailure", "ServiceUnavailable" }));
        Assert.Equal(2, retries.Sum(r => r.Value));
        Assert.Contains(after.Named("workmail_api_request_errors_total"), s => s["error_code"] is "InternalFailure" or "ServiceUnavailable");
    }

    [Fact]
    public async Task Reload_WhenJobRemovedFromConfig_DropsItsSeriesAndStopsPollingIt()
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings("running", "failed"), time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        Assert.NotEmpty((await host.ScrapeAsync()).For("workmail_export_job_state", "running"));

        Assert.True(await host.RewriteSettingsAsync(Settings("failed", "completed")));

        var scrape = await host.ScrapeUntilAsync(
            s => !s.Samples.Any(x => x["job_id"] == "running") && s.For("workmail_export_job_state", "completed").Any(),
            TimeSpan.FromSeconds(30),
            "the removed job's series to vanish and the added job to appear");
        Assert.NotEmpty(scrape.For("workmail_export_job_state", "failed"));
    }

    [Fact]
    public async Task Reload_WithInvalidConfig_KeepsTheLastGoodConfiguration()
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings("running"), time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        var applied = await host.RewriteSettingsAsync(new { Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString() }, Jobs = new[] { new { OrganizationId = "bogus", JobId = "x" } } });

        // Rejected; and a poll cycle later the last good configuration still runs.
        Assert.False(applied);
        await _time.AdvanceAsync(TimeSpan.FromSeconds(10));
        var scrape = await host.ScrapeAsync();
        Assert.NotEmpty(scrape.For("workmail_export_job_state", "running"));
        Assert.DoesNotContain(scrape.Samples, s => s["job_id"] == "x");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Endpoints_StatusPageAndHealth_Answer()
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings("running", "failed", Missing), time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        using var response = await host.Client.GetAsync(new Uri("/", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("href=\"metrics\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"healthz\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"readyz\"", page, StringComparison.Ordinal);
        Assert.Contains("data-job-id=\"running\" data-state=\"RUNNING\"", page, StringComparison.Ordinal);
        Assert.Contains("data-job-id=\"failed\" data-state=\"FAILED\"", page, StringComparison.Ordinal);
        Assert.Contains("Access denied to the S3 bucket &quot;exports&quot;", page, StringComparison.Ordinal);
        Assert.Contains("data-job-id=\"missing-job\" data-state=\"UNKNOWN\"", page, StringComparison.Ordinal);
        Assert.Matches("<dd id=\"api-total\">[1-9][0-9]* calls; 1 failed", page);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
    }

    private object Settings(params string[] jobIds) => new
    {
        Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString(), MaxAttempts = 3 },
        PollInterval = "00:00:10",
        Jobs = jobIds.Select(id => new { OrganizationId = Org, JobId = id }).ToArray(),
    };
}
