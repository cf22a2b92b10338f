using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Testing.Time;
using Watcher.Tests.Support;

namespace Watcher.Tests.Web;

/// <summary>
/// Discovery end to end: the real app against a simulator holding three organizations of 250 jobs in mixed
/// states, across two regions, one of them in another account reached through STS AssumeRole. On simulated time,
/// so the next listing cycle comes as soon as the test asks for it.
/// </summary>
[Collection(SequentialHosts.Name)]
public sealed class DiscoveryHostTests : IAsyncLifetime
{
    private const string East = "m-0000000000000000000000000000ea57";
    private const string West = "m-00000000000000000000000000000e57";
    private const string Partner = "m-00000000000000000000000000000a55";
    private const string PartnerRole = "arn:aws:iam::444455556666:role/WatcherReader";
    private const string PartnerExternalId = "watcher-partner-2026";
    private const int JobsPerOrganization = 250;

    private static readonly string[] States = ["RUNNING", "COMPLETED", "FAILED", "CANCELLED"];

    private readonly SimulatedTime _time = new();
    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(
            new SimulatorOptions
            {
                AdditionalRegions = ["eu-west-1"],
                Roles = [new SimulatorRole(PartnerRole, PartnerExternalId)],
            },
            _time.Clock);
        _simulator.Store.AddOrganization(East, "east");
        _simulator.Store.AddOrganization(West, "west", "eu-west-1");
        _simulator.Store.AddOrganization(Partner, "partner");
        foreach (var organizationId in new[] { East, West, Partner })
        {
            _simulator.Store.AddJobs(organizationId, Enumerable.Range(0, JobsPerOrganization).Select(Job));
        }
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Discovery_ThreeOrganizationsInTwoRegions_WatchesEveryJobAtOneListingPerHundredJobs()
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings(), time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        var scrape = await host.ScrapeAsync();

        // Every job has its series, and the per-state counts are right.
        Assert.Equal(3 * JobsPerOrganization, scrape.Named("watcher_watched_jobs").Single().Value);
        Assert.Equal(10_000, scrape.Named("watcher_watched_jobs_limit").Single().Value);
        foreach (var organizationId in new[] { East, West, Partner })
        {
            var jobIds = scrape.Named("workmail_export_job_state").Where(s => s["organization_id"] == organizationId).Select(s => s["job_id"]).Distinct().Count();
            Assert.Equal(JobsPerOrganization, jobIds);
            var counts = scrape.Named("workmail_export_jobs").Where(s => s["organization_id"] == organizationId).ToDictionary(s => s["state"]!, s => s.Value);
            Assert.Equal(States.Order(), counts.Keys.Order());
            Assert.Equal(ExpectedCount("RUNNING"), counts["RUNNING"]);
            Assert.Equal(ExpectedCount("COMPLETED"), counts["COMPLETED"]);
            Assert.Equal(ExpectedCount("FAILED"), counts["FAILED"]);
            Assert.Equal(ExpectedCount("CANCELLED"), counts["CANCELLED"]);
            Assert.Equal(1, scrape.Named("workmail_organization_poll_success").Single(s => s["organization_id"] == organizationId).Value);
            Assert.Single(scrape.Named("workmail_organization_last_poll_success_timestamp_seconds"), s => s["organization_id"] == organizationId);
        }

        var west = Assert.Single(scrape.Named("workmail_organization_info"), s => s["organization_id"] == West);
        Assert.Equal(("west", "eu-west-1", 1.0), (west["alias"], west["aws_region"], west.Value));

        // Describe filled in what the listing lacks, and ErrorInfo of failed jobs.
        Assert.All(scrape.Named("workmail_export_job_info"), s => Assert.False(string.IsNullOrEmpty(s["s3_prefix"])));
        Assert.Equal(3 * ExpectedCount("FAILED"), scrape.Named("workmail_export_job_failure_info").Count(s => s["error_info"] == "Access denied to the S3 bucket"));

        // The first cycle: ceil(250/100) listings per organization, and one describe per new job.
        var requests = _simulator.Requests.All;
        foreach (var organizationId in new[] { East, West, Partner })
        {
            Assert.Equal(3, requests.Count(r => r.Operation == "ListMailboxExportJobs" && r.OrganizationId == organizationId));
            Assert.Equal(JobsPerOrganization, requests.Count(r => r.Operation == "DescribeMailboxExportJob" && r.OrganizationId == organizationId));
        }

        // Regions and the role: the west organization is called in eu-west-1, the partner with assumed credentials.
        Assert.All(requests.Where(r => r.OrganizationId == West), r => Assert.Equal("eu-west-1", r.Region));
        Assert.Equal(1, requests.Count(r => r.Operation == "AssumeRole"));
        var partnerCalls = requests.Where(r => r.OrganizationId == Partner).ToList();
        Assert.All(partnerCalls, r => Assert.Equal(("arn:aws:sts::444455556666:assumed-role/WatcherReader/watcher", true), (r.AssumedRoleArn, r.SignatureValid)));
        Assert.All(requests.Where(r => r.OrganizationId == East), r => Assert.Null(r.AssumedRoleArn));

        // At steady state a cycle costs only the listings.
        _simulator.Requests.Clear();
        await _time.AdvanceUntilAsync(
            () => Task.FromResult(new[] { East, West, Partner }.All(o => _simulator.Requests.Count("ListMailboxExportJobs", o) >= 3) ? string.Empty : null),
            TimeSpan.FromSeconds(30),
            () => "a second listing cycle");

        Assert.Equal(0, _simulator.Requests.Count("DescribeMailboxExportJob"));
    }

    [Fact]
    public async Task Discovery_JobBothConfiguredAndDiscovered_IsWatchedOnce()
    {
        var settings = Settings(explicitJob: "job-7");
        await using var host = await WatcherTestHost.StartAsync(_simulator, settings, time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        var scrape = await host.ScrapeAsync();

        Assert.Equal(3 * JobsPerOrganization, scrape.Named("watcher_watched_jobs").Single().Value);
        Assert.Equal(4, scrape.Named("workmail_export_job_state").Count(s => s["organization_id"] == East && s["job_id"] == "job-7"));
        Assert.Equal(1, _simulator.Requests.All.Count(r => r.Operation == "DescribeMailboxExportJob" && r.OrganizationId == East && r.Body.Contains("\"job-7\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Discovery_WhenNewJobStarts_WatchesItWithinACycle()
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings(), time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        var jobId = _simulator.Store.AddJob(East, new SimulatedJob { Description = "started after Watcher", Duration = TimeSpan.FromHours(1), Outcome = SimulatedOutcome.RunForever });

        var scrape = await host.ScrapeUntilAsync(
            s => s.For("workmail_export_job_state", jobId).Any(),
            TimeSpan.FromSeconds(30),
            "the new job to be discovered");
        Assert.Equal(1, scrape.For("workmail_export_job_state", jobId).Single(s => s["state"] == "RUNNING").Value);
        Assert.Equal("started after Watcher", scrape.For("workmail_export_job_info", jobId).Single()["description"]);
    }

    [Fact]
    public async Task Reload_WhenOrganizationRemoved_DropsItsSeriesAndKeepsTheOthers()
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings(), time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        Assert.True(await host.RewriteSettingsAsync(new
        {
            Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString() },
            PollInterval = "00:00:10",
            Organizations = new[] { new { OrganizationId = East, Alias = "east" } },
        }));

        var scrape = await host.ScrapeUntilAsync(
            // Counters keep their series for the life of the process; every gauge of the organizations must go.
            s => !s.Samples.Any(x => x["organization_id"] is West or Partner && s.Types.GetValueOrDefault(x.Name) == "gauge"),
            TimeSpan.FromSeconds(30),
            "the removed organizations' series to vanish");
        Assert.Equal(JobsPerOrganization, scrape.Named("watcher_watched_jobs").Single().Value);
        Assert.Single(scrape.Named("workmail_organization_info"));
    }

    [Fact]
    public async Task Discovery_UnknownOrganization_ReportsItsFailureAndStaysReady()
    {
        const string Unknown = "m-0000000000000000000000000000dead";
        // A budget that does not bite: the first describes of East's 250 jobs are not what this test is about.
        await using var host = await WatcherTestHost.StartAsync(
            _simulator,
            new
            {
                Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString(), MaxRequestsPerSecond = 1000 },
                Organizations = new[] { new { OrganizationId = East }, new { OrganizationId = Unknown } },
            },
            time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        var scrape = await host.ScrapeAsync();

        Assert.Equal(0, scrape.Named("workmail_organization_poll_success").Single(s => s["organization_id"] == Unknown).Value);
        Assert.DoesNotContain(scrape.Named("workmail_organization_last_poll_success_timestamp_seconds"), s => s["organization_id"] == Unknown);
        Assert.Contains(scrape.Named("workmail_api_request_errors_total"), s => s["organization_id"] == Unknown && s["error_code"] == "OrganizationNotFoundException" && s["operation"] == "ListMailboxExportJobs");
        Assert.Equal(1, scrape.Named("workmail_organization_poll_success").Single(s => s["organization_id"] == East).Value);
        Assert.Equal(4, scrape.Named("workmail_export_jobs").Count(s => s["organization_id"] == Unknown && s.Value == 0));
    }

    private static int ExpectedCount(string state) =>
        Enumerable.Range(0, JobsPerOrganization).Count(i => StateOf(i) == state);

    private static string StateOf(int i) => (i % 10) switch
    {
        0 => "FAILED",
        1 => "CANCELLED",
        2 or 3 or 4 => "RUNNING",
        _ => "COMPLETED",
    };

    /// <summary>Job i started i*30 minutes before now, so all of them are inside List's 7-day window.</summary>
    private static SimulatedJob Job(int i) => new()
    {
        JobId = $"job-{i}",
        Description = $"mailbox {i}",
        S3Prefix = $"exports/{i}",
        StartOffset = TimeSpan.FromMinutes(-30 * (i + 1)),
        Duration = StateOf(i) == "RUNNING" ? TimeSpan.FromDays(30) : TimeSpan.FromMinutes(20),
        Outcome = StateOf(i) switch
        {
            "FAILED" => SimulatedOutcome.Fail,
            "CANCELLED" => SimulatedOutcome.Cancel,
            "RUNNING" => SimulatedOutcome.RunForever,
            _ => SimulatedOutcome.Complete,
        },
        OutcomeAtProgress = 40,
        ErrorInfo = "Access denied to the S3 bucket",
    };

    private object Settings(string? explicitJob = null) => new
    {
        Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString(), StsServiceUrl = _simulator.ServiceUrl.ToString(), MaxRequestsPerSecond = 1000 },
        PollInterval = "00:00:10",
        MaxConcurrentCalls = 8,
        Organizations = new object[]
        {
            new { OrganizationId = East, Alias = "east" },
            new { OrganizationId = West, Alias = "west", Region = "eu-west-1" },
            new { OrganizationId = Partner, Alias = "partner", RoleArn = PartnerRole, ExternalId = PartnerExternalId },
        },
        Jobs = explicitJob is null ? [] : new[] { new { OrganizationId = East, JobId = explicitJob } },
    };
}
