using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Testing.Time;
using Watcher.Tests.Support;
using Xunit.Abstractions;

namespace Watcher.Tests.Web;

/// <summary>
/// Ten minutes of throttling in simulated time: the real app, its Quartz scheduler, its request budget, the
/// simulator and the proxy share one <see cref="SimulatedTime"/>, which moves from one due trigger or budget timer
/// to the next. The AWS SDK sleeps its retry backoff in real time, during which the clock stands still unless
/// another poll waits on the budget.
/// </summary>
[Collection(SequentialHosts.Name)]
public sealed class ThrottlingSimulatedTimeTests(ITestOutputHelper output)
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private const int Jobs = 8;
    private const double Budget = 0.4;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PollCycles_HalfThenAllThrottledForTenSimulatedMinutes_KeepBudgetAndSeriesNeverOverlapAndRecoverWithinOneInterval()
    {
        var time = new SimulatedTime();
        await using var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions(), time.Clock);
        simulator.Store.AddOrganization(Org);
        var jobIds = Enumerable.Range(0, Jobs).Select(i => simulator.Store.AddJob(Org, new SimulatedJob
        {
            JobId = $"job-{i:D2}", StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(10), Outcome = SimulatedOutcome.RunForever,
        })).ToList();
        await using var proxy = await RecordingProxy.StartAsync(simulator.ServiceUrl, time.Clock, time.Changed);
        time.Busy = () => proxy.InFlight > 0;
        time.Arrivals = () => proxy.Arrivals;
        var settings = new
        {
            Aws = new { Region = simulator.Region, ServiceUrl = proxy.Address.ToString(), MaxAttempts = 2, MaxRequestsPerSecond = Budget },
            PollInterval = "00:00:30",
            MaxConcurrentCalls = 4,
            Jobs = jobIds.Select(id => new { OrganizationId = Org, JobId = id }).ToArray(),
        };
        var started = time.Now;
        await using var host = await WatcherTestHost.StartAsync(simulator, settings, time: time);

        await time.AdvanceAsync(TimeSpan.FromMinutes(1));
        var healthy = await host.ScrapeAsync();
        Assert.All(jobIds, id => Assert.Equal(1, healthy.For("workmail_export_job_poll_success", id).Single().Value));

        simulator.Faults.ThrottleRatio = 0.5;
        await time.AdvanceAsync(TimeSpan.FromMinutes(5));
        var fullyThrottled = time.Clock.GetTimestamp();
        simulator.Faults.ThrottleRatio = 1.0;
        await time.AdvanceAsync(TimeSpan.FromMinutes(5));

        // Every job's last poll failed: poll_success 0, while its series and last values stay.
        var throttled = await host.ScrapeAsync();
        foreach (var id in jobIds)
        {
            Assert.Equal(0, throttled.For("workmail_export_job_poll_success", id).Single().Value);
            Assert.Equal(4, throttled.For("workmail_export_job_state", id).Count());
            Assert.Equal(healthy.For("workmail_export_job_start_timestamp_seconds", id).Single().Value, throttled.For("workmail_export_job_start_timestamp_seconds", id).Single().Value);
        }

        Assert.Contains(throttled.Named("workmail_api_request_retries_total"), s => s["error_code"] == "ThrottlingException" && s.Value > 0);
        Assert.Contains(throttled.Named("workmail_api_request_errors_total"), s => s["error_code"] == "ThrottlingException" && s.Value > 0);

        // Recovery: within one interval of the throttling ending (plus 10 s, for polls still queued at the budget).
        simulator.Faults.Reset();
        var ended = time.Now;
        var endedAt = time.Clock.GetTimestamp();
        var fullyThrottledRequests = WorkMailExchanges(proxy).Count(e => e.At >= fullyThrottled && e.At < endedAt);
        await host.ScrapeUntilAsync(
            s => jobIds.All(id => s.For("workmail_export_job_poll_success", id).Single().Value == 1),
            Interval + TimeSpan.FromSeconds(10),
            "every job's poll_success to be 1 again within one interval of the throttling ending");
        output.WriteLine($"recovered after {time.Now - ended} simulated; {WorkMailRequests(simulator)} WorkMail requests in {time.Now - started} simulated");

        // Never above the budget, the SDK's retries included, over any stretch between two requests (the bucket
        // holds at most one second's worth, and +1 for a request counted at the edge of a stretch).
        var burst = Math.Max(1, Budget);
        var arrivals = WorkMailExchanges(proxy).Select(e => e.At).Order().ToList();
        for (var i = 0; i < arrivals.Count; i++)
        {
            for (var j = i + 1; j < arrivals.Count; j++)
            {
                var seconds = (arrivals[j] - arrivals[i]) / (double)proxy.ClockFrequency;
                var requests = j - i + 1;
                Assert.True(requests <= (Budget * seconds) + burst + 1, $"{requests} requests in {seconds} simulated seconds");
            }
        }

        // The budget did bite: at 100 % throttling the polls wanted more than it allows.
        var throttledRate = fullyThrottledRequests / ((endedAt - fullyThrottled) / (double)proxy.ClockFrequency);
        output.WriteLine($"requests per simulated second while fully throttled: {throttledRate:F3} (budget {Budget})");
        Assert.InRange(throttledRate, Budget * 0.7, Budget * 1.05);

        // No job was ever described twice at once: a poll cycle never overlaps the previous one.
        foreach (var group in proxy.Exchanges.Where(e => e.Operation == "DescribeMailboxExportJob" && !e.InFlight).GroupBy(e => e.JobId))
        {
            var ordered = group.OrderBy(e => e.Started).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].Started >= ordered[i - 1].Ended, $"job {group.Key} was described twice at once");
            }
        }
    }

    private static IEnumerable<RecordingProxy.Exchange> WorkMailExchanges(RecordingProxy proxy) =>
        proxy.Exchanges.Where(e => e.Operation is "DescribeMailboxExportJob" or "ListMailboxExportJobs");

    private static int WorkMailRequests(WorkMailSimulator simulator) =>
        simulator.Requests.All.Count(r => r.Operation is "DescribeMailboxExportJob" or "ListMailboxExportJobs");
}
