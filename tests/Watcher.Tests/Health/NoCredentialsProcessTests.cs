using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Watcher.Simulator;
using Watcher.Testing.Processes;
using Watcher.Testing.Prometheus;
using Watcher.Testing.Waiting;
using Xunit.Abstractions;

namespace Watcher.Tests.Health;

/// <summary>
/// The built binary with no credentials anywhere, as a newcomer first runs it: a process of its own, since the SDK's
/// default chain reads this process's environment and home folder. Real time: two poll cycles of 10 s.
/// </summary>
public sealed class NoCredentialsProcessTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";

    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        foreach (var id in new[] { "job-a", "job-b" })
        {
            _simulator.Store.AddJob(Org, new SimulatedJob { JobId = id, StartOffset = TimeSpan.FromMinutes(-30), Duration = TimeSpan.FromHours(1), Outcome = SimulatedOutcome.RunForever });
        }
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Watcher_NoCredentialsAnywhere_StatusPageShowsTheHintInRedLogGivesItOnceAndReadyzStays200()
    {
        var environment = new Dictionary<string, string?>
        {
            ["Watcher__Aws__Region"] = _simulator.Region,
            ["Watcher__Aws__ServiceUrl"] = _simulator.ServiceUrl.ToString(),
            ["Watcher__PollInterval"] = "00:00:10",
            ["Watcher__Jobs__0__OrganizationId"] = Org,
            ["Watcher__Jobs__0__JobId"] = "job-a",
            ["Watcher__Jobs__1__OrganizationId"] = Org,
            ["Watcher__Jobs__1__JobId"] = "job-b",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["HOME"] = Directory.CreateTempSubdirectory("watcher-no-credentials-home-").FullName,
        };
        await using var watcher = WatcherProcess.Start(["--urls", "http://127.0.0.1:0"], environment);
        using var client = new HttpClient { BaseAddress = await watcher.WaitForListeningAsync(TimeSpan.FromSeconds(60)) };

        // Two poll cycles of both jobs: the hint must not come again with the second.
        await Wait.ForAsync(
            async () =>
            {
                var metrics = PrometheusText.Parse(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
                var failed = metrics.Named("workmail_api_request_errors_total").Where(s => s["error_code"] == "NoCredentials").Sum(s => s.Value);
                return failed >= 4 ? metrics : null;
            },
            TimeSpan.FromSeconds(60),
            () => "two poll cycles failing with NoCredentials",
            every: TimeSpan.FromMilliseconds(500));
        using var readyz = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/?refresh=0", UriKind.Relative)));
        log.WriteLine(watcher.Output);

        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        var problem = Assert.Single(page.QuerySelectorAll("#credentials .credential-problem"));
        Assert.Contains("err", problem.ClassList);
        Assert.StartsWith("NoCredentials for " + Org, problem.TextContent, StringComparison.Ordinal);
        var hint = problem.QuerySelector(".hint")!.TextContent;
        Assert.StartsWith("No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", hint, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(watcher.Output, Regex.Escape("Hint: " + hint)));
        Assert.Empty(_simulator.Requests.All);
    }
}
