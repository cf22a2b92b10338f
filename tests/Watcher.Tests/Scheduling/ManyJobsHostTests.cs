using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Quartz;
using Watcher.Jobs;
using Watcher.Scheduling;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Tests.Support;

namespace Watcher.Tests.Scheduling;

/// <summary>Many configured jobs at once: scheduled in one batch, each polled, and the log not flooded.</summary>
[Collection(SequentialHosts.Name)]
public sealed class ManyJobsHostTests
{
    private const string Org = "m-0000000000000000000000000000a11e";

    [Fact]
    public async Task Start_WithMoreThanTwentyConfiguredJobs_SchedulesAndPollsEachAndLogsOneSummaryLine()
    {
        await using var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        simulator.Store.AddOrganization(Org);
        var ids = Enumerable.Range(0, 25).Select(i => simulator.Store.AddJob(Org, new SimulatedJob
        {
            JobId = $"many-{i:D2}", StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(10), Outcome = SimulatedOutcome.RunForever,
        })).ToList();

        await using var host = await WatcherTestHost.StartAsync(
            simulator,
            new
            {
                Aws = new { Region = simulator.Region, ServiceUrl = simulator.ServiceUrl.ToString(), MaxRequestsPerSecond = 100 },

                // A day, so that no job's regular slot comes round while the test looks: each is polled exactly once.
                PollInterval = "1.00:00:00",
                Jobs = ids.Select(id => new { OrganizationId = Org, JobId = id }).ToArray(),
            },
            builder => builder.Logging.AddFakeLogging().AddFilter<FakeLoggerProvider>("Watcher", LogLevel.Debug));
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var scheduled = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(PollSchedule.Group));
        Assert.Equal(ids.Select(id => PollSchedule.JobKeyFor(new WatchedJobKey(Org, id)).Name).Order(), scheduled.Select(k => k.Name).Order());
        Assert.All(ids, id => Assert.Equal(1, simulator.Requests.All.Count(r => r.Operation == "DescribeMailboxExportJob" && r.Body.Contains(id, StringComparison.Ordinal))));

        var logs = host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot()
            .Where(r => r.Category == typeof(WatchedJobsReconciler).FullName)
            .ToList();
        var summary = Assert.Single(logs, r => r.Level == LogLevel.Information);
        Assert.Equal($"Watching 25 more export jobs in 1 organization, every 1.00:00:00 (each one logged at Debug)", summary.Message);
        Assert.Equal(ids.Order(), logs.Where(r => r.Level == LogLevel.Debug).Select(r => r.StructuredState!.Single(s => s.Key == "JobId").Value).Order());
    }
}
