using Microsoft.Extensions.DependencyInjection;
using Watcher.Jobs;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Testing.Time;
using Watcher.Tests.Support;

namespace Watcher.Tests.Web;

/// <summary>
/// The real app against the simulator, behind a recording proxy: the per-region request budget, throttling and
/// 5xx storms, and a simulator that restarts and forgets every job. App, scheduler, budget, simulator and proxy
/// share one <see cref="SimulatedTime"/>, so every bound below is in simulated seconds and no test waits out a
/// poll interval; time stands still while a request is on the wire.
/// </summary>
[Collection(SequentialHosts.Name)]
public sealed class ReliabilityHostTests : IAsyncLifetime
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private const string Discovered = "m-00000000000000000000000000000d15";

    private readonly SimulatedTime _time = new();
    private WorkMailSimulator _simulator = null!;
    private RecordingProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions(), _time.Clock);
        _simulator.Store.AddOrganization(Org);
        _proxy = await RecordingProxy.StartAsync(_simulator.ServiceUrl, _time.Clock, _time.Changed);
        _time.Busy = () => _proxy.InFlight > 0;
        _time.Arrivals = () => _proxy.Arrivals;
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task RequestBudget_ManyJobsPolledAtOnce_SimulatorSeesNoMoreThanBudgetTimesElapsedPlusBurst()
    {
        const double Budget = 2;
        var jobIds = AddRunningJobs(30);
        var started = _time.Now;
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings(jobIds, Budget, maxConcurrentCalls: 16, proxied: true), time: _time);

        await _time.AdvanceAsync(TimeSpan.FromSeconds(6));
        var seen = WorkMailRequests();
        var elapsed = (_time.Now - started).TotalSeconds;

        // 30 jobs polled at once would be 30 requests in the first instant; the budget spreads them.
        Assert.InRange(seen, (Budget * 6) - 4, (Budget * elapsed) + Budget);
        Assert.True(seen < jobIds.Count, $"{seen} requests in {elapsed:F1} s");
    }

    public static TheoryData<string> Faults => ["throttling", "server errors"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task PollCycles_UnderFaultStorm_StayWithinBudgetNeverOverlapKeepSeriesAndRecoverWithinOneInterval(string fault)
    {
        const double Budget = 5;
        var interval = TimeSpan.FromSeconds(10);
        var jobIds = AddRunningJobs(8);
        var started = _time.Now;
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings(jobIds, Budget, maxConcurrentCalls: 4, proxied: true), time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(20));

        SetFault(fault, 0.5);
        await _time.AdvanceAsync(TimeSpan.FromSeconds(6));
        SetFault(fault, 1.0);

        // Every job's next poll fails: poll_success 0, while its last values stay.
        var stale = await host.ScrapeUntilAsync(
            s => jobIds.All(id => s.For("workmail_export_job_poll_success", id).SingleOrDefault()?.Value == 0),
            interval + TimeSpan.FromSeconds(8),
            "every job's poll_success to drop to 0");
        foreach (var id in jobIds)
        {
            Assert.Equal(4, stale.For("workmail_export_job_state", id).Count());
            Assert.Single(stale.For("workmail_export_job_progress_ratio", id));
        }

        var errorCode = fault == "throttling" ? "ThrottlingException" : null;
        Assert.Contains(stale.Named("workmail_api_request_retries_total"), s => errorCode is null || s["error_code"] == errorCode);

        _simulator.Faults.Reset();
        var reset = _time.Now;
        await host.ScrapeUntilAsync(
            s => jobIds.All(id => s.For("workmail_export_job_poll_success", id).SingleOrDefault()?.Value == 1),
            interval + TimeSpan.FromSeconds(4),
            "every job's poll_success to return to 1 within one PollInterval");
        Assert.True(_time.Now - reset <= interval + TimeSpan.FromSeconds(4));

        // At the simulator: never more than the budget, the SDK's retries included.
        var elapsed = (_time.Now - started).TotalSeconds;
        Assert.True(WorkMailRequests() <= (Budget * elapsed) + Budget, $"{WorkMailRequests()} requests in {elapsed:F1} s");
        AssertWithinBudgetInEveryWindow(Budget);

        // No job was ever described twice at once: a poll cycle never overlaps the previous one.
        foreach (var group in _proxy.Exchanges.Where(e => e.Operation == "DescribeMailboxExportJob" && !e.InFlight).GroupBy(e => e.JobId))
        {
            var ordered = group.OrderBy(e => e.Started).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].Started >= ordered[i - 1].Ended, $"job {group.Key} was described twice at once");
            }
        }
    }

    [Fact]
    public async Task SimulatorRestart_ForgetsEveryJob_JobsGoStaleBackOffAndKeepTheirSeries()
    {
        var explicitJobs = AddRunningJobs(2);
        _simulator.Store.AddOrganization(Discovered, "discovered");
        _simulator.Store.AddJobs(Discovered, Enumerable.Range(0, 3).Select(i => new SimulatedJob
        {
            JobId = $"found-{i}", StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(10), Outcome = SimulatedOutcome.RunForever,
        }));
        var watcher = new
        {
            Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString(), MaxAttempts = 2 },
            PollInterval = "00:00:10",
            Jobs = explicitJobs.Select(id => new { OrganizationId = Org, JobId = id }).ToArray(),
            Organizations = new[] { new { OrganizationId = Discovered } },
        };
        await using var host = await WatcherTestHost.StartAsync(_simulator, watcher, time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(20));
        var allJobs = explicitJobs.Concat(Enumerable.Range(0, 3).Select(i => $"found-{i}")).ToList();
        var before = await host.ScrapeUntilAsync(s => allJobs.All(id => s.For("workmail_export_job_poll_success", id).SingleOrDefault()?.Value == 1), TimeSpan.FromSeconds(10), "every job polled");

        // The service restarts with an empty database: the organizations come back, their jobs do not.
        _simulator.Store.Clear();
        _simulator.Store.AddOrganization(Org);
        _simulator.Store.AddOrganization(Discovered, "discovered");

        var after = await host.ScrapeUntilAsync(
            s => allJobs.All(id => s.For("workmail_export_job_poll_success", id).SingleOrDefault()?.Value == 0),
            TimeSpan.FromSeconds(25),
            "every job's poll_success to drop to 0");

        foreach (var id in allJobs)
        {
            Assert.Equal(before.For("workmail_export_job_progress_ratio", id).Single().Value, after.For("workmail_export_job_progress_ratio", id).Single().Value);
            Assert.Equal(1, after.For("workmail_export_job_state", id).Single(s => s["state"] == "RUNNING").Value);
        }

        Assert.Contains(after.Named("workmail_api_request_errors_total"), s => s["error_code"] == "EntityNotFoundException" && s["organization_id"] == Org);
        Assert.Contains(after.Named("workmail_api_request_errors_total"), s => s["error_code"] == "EntityNotFoundException" && s["organization_id"] == Discovered);
        Assert.Equal(1, after.Named("workmail_organization_poll_success").Single(s => s["organization_id"] == Discovered).Value);

        var store = host.Services.GetRequiredService<ExportJobStore>();
        Assert.All(allJobs, id =>
        {
            var job = store.Current.Values.Single(j => j.Key.JobId == id);
            Assert.Equal("EntityNotFoundException", job.LastErrorCode);
            Assert.NotNull(job.RetryAt);
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    private List<string> AddRunningJobs(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(_simulator.Store.AddJob(Org, new SimulatedJob
            {
                JobId = $"job-{i:D2}", StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(10), Outcome = SimulatedOutcome.RunForever,
            }));
        }

        return ids;
    }

    private object Settings(List<string> jobIds, double budget, int maxConcurrentCalls, bool proxied = false) => new
    {
        Aws = new
        {
            Region = _simulator.Region,
            ServiceUrl = (proxied ? _proxy.Address : _simulator.ServiceUrl).ToString(),
            MaxAttempts = 3,
            MaxRequestsPerSecond = budget,
        },
        PollInterval = "00:00:10",
        MaxConcurrentCalls = maxConcurrentCalls,
        Jobs = jobIds.Select(id => new { OrganizationId = Org, JobId = id }).ToArray(),
    };

    private void SetFault(string fault, double ratio)
    {
        if (fault == "throttling")
        {
            _simulator.Faults.ThrottleRatio = ratio;
        }
        else
        {
            _simulator.Faults.ServerErrorRatio = ratio;
        }
    }

    private int WorkMailRequests() => _simulator.Requests.All.Count(r => r.Operation is "DescribeMailboxExportJob" or "ListMailboxExportJobs");

    /// <summary>Over any stretch between two request arrivals seen at the proxy, the count fits rate × length + burst (+1 for jitter).</summary>
    private void AssertWithinBudgetInEveryWindow(double budget)
    {
        var starts = _proxy.Exchanges.Select(e => e.At).Order().ToList();
        for (var i = 0; i < starts.Count; i++)
        {
            for (var j = i + 1; j < starts.Count; j++)
            {
                var seconds = (starts[j] - starts[i]) / (double)_proxy.ClockFrequency;
                Assert.True(j - i + 1 <= (budget * seconds) + budget + 1, $"{j - i + 1} requests in {seconds:F2} s");
            }
        }
    }
}
