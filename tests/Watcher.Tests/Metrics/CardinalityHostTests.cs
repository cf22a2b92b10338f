using Microsoft.Extensions.DependencyInjection;
using Watcher.Metrics.Exposition;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Tests.Support;

namespace Watcher.Tests.Metrics;

/// <summary>
/// Jobs come and go through configuration reloads, many times over the limit, through the real app: each round's
/// jobs have all their series, the last round's have none, and no overflow series ever appears.
/// </summary>
[Collection(SequentialHosts.Name)]
public sealed class CardinalityHostTests : IAsyncLifetime
{
    private const string Org = "m-000000000000000000000000000c4a11";
    private const int MaxWatchedJobs = 4;
    private const int Rounds = 8;

    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        _simulator.Store.AddOrganization(Org, "churn");
        _simulator.Store.AddJobs(Org, Enumerable.Range(0, MaxWatchedJobs * Rounds).Select(i => new SimulatedJob
        {
            JobId = $"churn-{i}",
            StartOffset = TimeSpan.FromMinutes(-1),
            Duration = TimeSpan.FromHours(1),
            Outcome = SimulatedOutcome.RunForever,
        }));
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Reload_MoreDistinctJobsThanTheStreamsHold_NewJobsStillGetTheirOwnSeries()
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings(round: 0));
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        for (var round = 1; round < Rounds; round++)
        {
            await host.RewriteSettingsAsync(Settings(round));
            var expected = JobIds(round);
            var scrape = await host.ScrapeUntilAsync(
                s => s.Named("workmail_export_job_state").Select(x => x["job_id"]).Distinct().Order().SequenceEqual(expected.Order()),
                TimeSpan.FromSeconds(30),
                $"round {round}'s jobs to replace the last round's");

            Assert.DoesNotContain(scrape.Samples, s => s.Labels.ContainsKey("otel_metric_overflow"));
            Assert.All(expected, id => Assert.Equal(4, scrape.For("workmail_export_job_state", id).Count()));
            Assert.All(expected, id => Assert.Single(scrape.For("workmail_export_job_info", id)));
        }

        Assert.Equal(MaxWatchedJobs, host.Services.GetRequiredService<JobSeriesWriter>().CachedJobs);
    }

    private static string[] JobIds(int round) => [.. Enumerable.Range(round * MaxWatchedJobs, MaxWatchedJobs).Select(i => $"churn-{i}")];

    private object Settings(int round) => new
    {
        Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString() },
        MaxWatchedJobs,
        Jobs = JobIds(round).Select(id => new { OrganizationId = Org, JobId = id }).ToArray(),
    };
}
