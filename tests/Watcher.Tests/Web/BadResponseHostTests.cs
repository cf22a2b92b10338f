using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Testing.Time;
using Watcher.Tests.Support;

namespace Watcher.Tests.Web;

/// <summary>
/// WorkMail answering nonsense for one job: the job keeps its last good values, and the log says so once. On
/// simulated time, so the polls that see the bad answers come without waiting out the interval.
/// </summary>
[Collection(SequentialHosts.Name)]
public sealed class BadResponseHostTests : IAsyncLifetime
{
    private const string Org = "m-00000000000000000000000000bad0dd";

    private readonly SimulatedTime _time = new();
    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions(), _time.Clock);
        _simulator.Store.AddOrganization(Org, "bad");
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = "garbled", StartOffset = TimeSpan.FromMinutes(-30), Duration = TimeSpan.FromHours(10), Outcome = SimulatedOutcome.RunForever });
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = "fine", StartOffset = TimeSpan.FromMinutes(-30), Duration = TimeSpan.FromHours(10), Outcome = SimulatedOutcome.RunForever });
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Theory]
    [InlineData(ResponseFault.UnknownState)]
    [InlineData(ResponseFault.MalformedJson)]
    public async Task Poll_WhenAnswersTurnBad_KeepsLastValuesCountsMalformedAndWarnsOncePerJob(ResponseFault fault)
    {
        await using var host = await WatcherTestHost.StartAsync(
            _simulator,
            new
            {
                Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString() },
                PollInterval = "00:00:10",
                Jobs = new[] { new { OrganizationId = Org, JobId = "garbled" }, new { OrganizationId = Org, JobId = "fine" } },
            },
            builder => builder.Logging.AddFakeLogging(),
            _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        var before = (await host.ScrapeAsync()).For("workmail_export_job_progress_ratio", "garbled").Single().Value;

        _simulator.Faults.ResponseFault = fault;
        _simulator.Faults.ResponseFaultJobId = "garbled";

        // Two bad answers in a row, so that "once per job, not once per poll" is tested.
        var scrape = await host.ScrapeUntilAsync(
            s => s.Named("workmail_api_request_errors_total").Where(x => x["error_code"] == "MalformedResponse").Sum(x => x.Value) >= 2,
            TimeSpan.FromSeconds(40),
            "two malformed answers");

        Assert.Equal(0, scrape.For("workmail_export_job_poll_success", "garbled").Single().Value);
        Assert.Equal(before, scrape.For("workmail_export_job_progress_ratio", "garbled").Single().Value);
        Assert.Equal(1, scrape.For("workmail_export_job_state", "garbled").Single(s => s["state"] == "RUNNING").Value);
        Assert.Equal(1, scrape.For("workmail_export_job_poll_success", "fine").Single().Value);

        var warnings = host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot()
            .Where(r => r.Level == LogLevel.Warning && r.Message.Contains("garbled", StringComparison.Ordinal))
            .ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("MalformedResponse", warning.Message, StringComparison.Ordinal);
        Assert.Contains(Org, warning.Message, StringComparison.Ordinal);
    }
}
