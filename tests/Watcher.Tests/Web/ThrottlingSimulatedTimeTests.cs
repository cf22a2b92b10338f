using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Tests.Support;
using Xunit.Abstractions;

namespace Watcher.Tests.Web;

/// <summary>
/// Ten minutes of throttling in simulated time: the real app, its Quartz scheduler, its request budget and the
/// simulator share one <see cref="FakeTimeProvider"/>, run at about ten times real time. The AWS SDK sleeps its
/// retry backoff in real time, so one backoff looks up to ~10 s long in simulated time.
/// </summary>
[Collection(SequentialHosts.Name)]
public sealed class ThrottlingSimulatedTimeTests(ITestOutputHelper output)
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private const int Jobs = 8;
    private const double Budget = 0.4;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RealPerStep = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task PollCycles_HalfThenAllThrottledForTenSimulatedMinutes_KeepBudgetAndSeriesNeverOverlapAndRecoverWithinOneInterval()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions(), time);
        simulator.Store.AddOrganization(Org);
        var jobIds = Enumerable.Range(0, Jobs).Select(i => simulator.Store.AddJob(Org, new SimulatedJob
        {
            JobId = $"job-{i:D2}", StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(10), Outcome = SimulatedOutcome.RunForever,
        })).ToList();
        await using var proxy = await RecordingProxy.StartAsync(simulator.ServiceUrl);
        var settings = new
        {
            Aws = new { Region = simulator.Region, ServiceUrl = proxy.Address.ToString(), MaxAttempts = 2, MaxRequestsPerSecond = Budget },
            PollInterval = "00:00:30",
            MaxConcurrentCalls = 4,
            Jobs = jobIds.Select(id => new { OrganizationId = Org, JobId = id }).ToArray(),
        };
        await using var host = await WatcherTestHost.StartAsync(simulator, settings, b => b.Services.AddSingleton<TimeProvider>(time));

        // (simulated time, WorkMail requests the simulator has seen so far), one sample per step.
        var samples = new List<(DateTimeOffset At, int Requests)>();
        async Task RunAsync(TimeSpan length)
        {
            for (var elapsed = TimeSpan.Zero; elapsed < length; elapsed += Step)
            {
                time.Advance(Step);
                await Task.Delay(RealPerStep);
                samples.Add((time.GetUtcNow(), WorkMailRequests(simulator)));
            }
        }

        await RunAsync(TimeSpan.FromMinutes(1));
        var healthy = await host.ScrapeAsync();
        Assert.All(jobIds, id => Assert.Equal(1, healthy.For("workmail_export_job_poll_success", id).Single().Value));

        simulator.Faults.ThrottleRatio = 0.5;
        await RunAsync(TimeSpan.FromMinutes(5));
        simulator.Faults.ThrottleRatio = 1.0;
        await RunAsync(TimeSpan.FromMinutes(5));

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

        // Recovery: within one interval of the throttling ending (plus one real-time SDK backoff, ~10 s here).
        simulator.Faults.Reset();
        var ended = time.GetUtcNow();
        var recovered = false;
        while (!recovered && time.GetUtcNow() - ended <= Interval + TimeSpan.FromSeconds(10))
        {
            await RunAsync(Step);
            var scrape = await host.ScrapeAsync();
            recovered = jobIds.All(id => scrape.For("workmail_export_job_poll_success", id).Single().Value == 1);
        }

        output.WriteLine($"recovered after {time.GetUtcNow() - ended} simulated; {WorkMailRequests(simulator)} WorkMail requests in {samples[^1].At - samples[0].At} simulated");
        Assert.True(recovered, $"Not every job's poll_success was 1 again {Interval + TimeSpan.FromSeconds(10)} after the throttling ended.");

        // Never above the budget, the SDK's retries included, in any window of simulated time (the bucket holds at
        // most one second's worth, and a request may land just after the sample that would count it).
        var burst = Math.Max(1, Budget);
        for (var i = 0; i < samples.Count; i++)
        {
            for (var j = i + 1; j < samples.Count; j++)
            {
                var seconds = (samples[j].At - samples[i].At).TotalSeconds;
                var requests = samples[j].Requests - samples[i].Requests;
                Assert.True(requests <= (Budget * seconds) + burst + 1, $"{requests} requests in {seconds} simulated seconds");
            }
        }

        // The budget did bite: at 100 % throttling the polls wanted more than it allows.
        var throttledPhase = samples.Where(s => s.At > ended - TimeSpan.FromMinutes(5)).ToList();
        var throttledRate = (throttledPhase[^1].Requests - throttledPhase[0].Requests) / (throttledPhase[^1].At - throttledPhase[0].At).TotalSeconds;
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

    private static int WorkMailRequests(WorkMailSimulator simulator) =>
        simulator.Requests.All.Count(r => r.Operation is "DescribeMailboxExportJob" or "ListMailboxExportJobs");
}
