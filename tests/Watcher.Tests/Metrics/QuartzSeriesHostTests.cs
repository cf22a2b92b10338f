using Watcher.Scheduling;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Testing.Time;
using Watcher.Tests.Support;

namespace Watcher.Tests.Metrics;

/// <summary>Of Quartz's own meter, /metrics carries only what an operator would chart.</summary>
[Collection(SequentialHosts.Name)]
public sealed class QuartzSeriesHostTests : IAsyncLifetime
{
    private const string Org = "m-0000000000000000000000000000a7a7";

    private static readonly string[] Kept = ["quartz_job_execution_duration_seconds", "quartz_trigger_misfire_total"];

    private readonly SimulatedTime _time = new();
    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions(), _time.Clock);
        _simulator.Store.AddOrganization(Org, "quartz");
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = "listed", StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(10) });
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = "explicit", StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(10) });
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Metrics_AfterPolls_CarryOnlyQuartzsPollDurationsAndMisfiresByGroup()
    {
        await using var host = await WatcherTestHost.StartAsync(
            _simulator,
            new
            {
                Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString() },
                PollInterval = "00:00:10",
                Organizations = new[] { new { OrganizationId = Org } },
                Jobs = new[] { new { OrganizationId = Org, JobId = "explicit" } },
            },
            time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        var scrape = await host.ScrapeAsync();

        var families = scrape.Types.Keys.Where(name => name.StartsWith("quartz_", StringComparison.Ordinal)).ToList();
        Assert.All(families, name => Assert.Contains(name, Kept));
        Assert.Equal("histogram", scrape.Types["quartz_job_execution_duration_seconds"]);
        var counts = scrape.Named("quartz_job_execution_duration_seconds_count").ToList();
        Assert.Contains(counts, c => c["quartz_job_group"] == PollSchedule.OrganizationGroup);
        Assert.All(counts, c => Assert.Contains(c["quartz_job_group"], new[] { PollSchedule.Group, PollSchedule.OrganizationGroup, PollSchedule.CoverageGroup }));
        Assert.All(counts, c => Assert.Equal(["quartz_job_group", "quartz_job_result"], c.Labels.Keys.Order()));
    }
}
