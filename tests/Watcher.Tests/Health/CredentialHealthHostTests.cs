using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Watcher.Health;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Testing.Prometheus;
using Watcher.Testing.Time;
using Watcher.Tests.Support;

namespace Watcher.Tests.Health;

/// <summary>
/// The real app against the simulator while every call fails for credentials: the status page says so in red with
/// the hint, the log gives the hint once however many polls fail, and /readyz stays 200 so that Prometheus keeps
/// scraping. On simulated time, so that several poll cycles pass without waiting.
/// </summary>
[Collection(SequentialHosts.Name)]
public sealed class CredentialHealthHostTests : IAsyncLifetime
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private const string Interval = "00:00:10";

    private readonly SimulatedTime _time = new();
    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions(), _time.Clock);
        _simulator.Store.AddOrganization(Org, "contoso");
        foreach (var id in new[] { "job-a", "job-b" })
        {
            _simulator.Store.AddJob(Org, new SimulatedJob { JobId = id, StartOffset = TimeSpan.FromMinutes(-30), Duration = TimeSpan.FromHours(10), Outcome = SimulatedOutcome.RunForever });
        }
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Theory]
    [InlineData(CredentialFault.ExpiredToken, "ExpiredTokenException", "The session token has expired")]
    [InlineData(CredentialFault.UnrecognizedClient, "UnrecognizedClientException", "AWS does not know the access key")]
    public async Task StatusPage_CredentialsRejected_ShowsRedLineWithHintLogsItOnceReadyzStays200ThenRecovers(CredentialFault fault, string errorCode, string hint)
    {
        _simulator.Faults.CredentialFault = fault;
        await using var host = await StartAsync(new
        {
            Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString(), MaxAttempts = 1 },
            PollInterval = Interval,
            Jobs = new[] { new { OrganizationId = Org, JobId = "job-a" }, new { OrganizationId = Org, JobId = "job-b" } },
        });
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        // Three poll cycles of two failing jobs, so that "once, not once per poll" is tested.
        await host.ScrapeUntilAsync(s => Errors(s, errorCode) >= 6, TimeSpan.FromSeconds(40), $"six {errorCode} failures");

        using var readyz = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        var page = await PageAsync(host);
        var problem = Assert.Single(page.QuerySelectorAll("#credentials .credential-problem"));
        Assert.Contains("err", problem.ClassList);
        Assert.StartsWith($"{errorCode} for {Org}", problem.TextContent, StringComparison.Ordinal);
        Assert.StartsWith(hint, problem.QuerySelector(".hint")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#ready .ok"));

        var logged = Assert.Single(HealthLog(host), r => r.Level == LogLevel.Warning);
        Assert.Contains(errorCode, logged.Message, StringComparison.Ordinal);
        Assert.Contains("Hint: " + problem.QuerySelector(".hint")!.TextContent, logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_simulator.Credentials.SecretAccessKey, string.Join('\n', host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot().Select(r => r.Message)), StringComparison.Ordinal);

        _simulator.Faults.CredentialFault = CredentialFault.None;
        await host.ScrapeUntilAsync(
            s => s.Named("workmail_export_job_poll_success").All(x => x.Value == 1),
            TimeSpan.FromSeconds(30),
            "every job's poll_success back to 1");

        var recovered = await PageAsync(host);
        Assert.Empty(recovered.QuerySelectorAll("#credentials .credential-problem"));
        Assert.Equal("no credential errors", recovered.QuerySelector("#credentials .ok")!.TextContent);
        Assert.Single(HealthLog(host), r => r.Level == LogLevel.Warning);
        Assert.Single(HealthLog(host), r => r.Level == LogLevel.Information && r.Message.Contains("work again after " + errorCode, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StatusPage_OrganizationRegionNotTheEndpoints_NamesARegionMismatchWithBothRegions()
    {
        await using var host = await StartAsync(new
        {
            Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString(), MaxAttempts = 1 },
            PollInterval = Interval,
            Organizations = new[] { new { OrganizationId = Org, Region = "eu-west-1" } },
        });
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        await host.ScrapeUntilAsync(s => Errors(s, "InvalidSignatureException") >= 2, TimeSpan.FromSeconds(40), "two listings refused");

        var problem = Assert.Single((await PageAsync(host)).QuerySelectorAll("#credentials .credential-problem"));
        var hint = problem.QuerySelector(".hint")!.TextContent;
        Assert.StartsWith(
            $"Region mismatch, not a key or clock problem: the call was signed for eu-west-1 (the organization's Region), but {_simulator.ServiceUrl} expects {_simulator.Region}",
            hint,
            StringComparison.Ordinal);
        var logged = Assert.Single(HealthLog(host), r => r.Level == LogLevel.Warning);
        Assert.Contains("Hint: " + hint, logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusPage_OnlyListUsersDenied_NamesThatActionWhilePollsWorkThenRecoversAtTheNextScan()
    {
        _simulator.Faults.DeniedOperations = new HashSet<string> { "ListUsers" };
        await using var host = await StartAsync(new
        {
            Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString(), MaxAttempts = 1 },
            PollInterval = Interval,
            Organizations = new[] { new { OrganizationId = Org } },
            Coverage = new { Interval = "1m" },
        });
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        var denied = await host.ScrapeUntilAsync(s => Errors(s, "AccessDeniedException") >= 1, TimeSpan.FromSeconds(40), "ListUsers denied");

        Assert.Equal(0, Assert.Single(denied.Named("workmail_organization_coverage_scan_success")).Value);
        Assert.All(denied.Named("workmail_export_job_poll_success"), s => Assert.Equal(1, s.Value));
        var problem = Assert.Single((await PageAsync(host)).QuerySelectorAll("#credentials .credential-problem"));
        Assert.StartsWith($"AccessDeniedException for {Org}", problem.TextContent, StringComparison.Ordinal);
        Assert.Contains("workmail:ListUsers", problem.QuerySelector(".hint")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("workmail:ListMailboxExportJobs", problem.QuerySelector(".hint")!.TextContent, StringComparison.Ordinal);

        _simulator.Faults.Reset();
        await host.ScrapeUntilAsync(
            s => s.Named("workmail_organization_coverage_scan_success").Any(x => x.Value == 1),
            TimeSpan.FromSeconds(40),
            "the next coverage scan to succeed");
        Assert.Empty((await PageAsync(host)).QuerySelectorAll("#credentials .credential-problem"));
    }

    private Task<WatcherTestHost> StartAsync(object settings) =>
        WatcherTestHost.StartAsync(
            _simulator,
            settings,
            builder => builder.Logging.AddFakeLogging().AddFilter<FakeLoggerProvider>(typeof(CredentialHealth).FullName, LogLevel.Information),
            _time);

    private static double Errors(PrometheusText scrape, string errorCode) =>
        scrape.Named("workmail_api_request_errors_total").Where(s => s["error_code"] == errorCode).Sum(s => s.Value);

    private static List<FakeLogRecord> HealthLog(WatcherTestHost host) =>
        host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot().Where(r => r.Category == typeof(CredentialHealth).FullName).ToList();

    private static async Task<IDocument> PageAsync(WatcherTestHost host) =>
        new HtmlParser().ParseDocument(await host.Client.GetStringAsync(new Uri("/?refresh=0", UriKind.Relative)));
}
