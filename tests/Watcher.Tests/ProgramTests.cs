using Watcher.Testing.Processes;
using Watcher.Testing.Prometheus;
using Watcher.Testing.Waiting;

namespace Watcher.Tests;

/// <summary>The built binary in processes of its own, which share no meters with this one: no need to run alone.</summary>
public sealed class ProgramTests
{
    public static TheoryData<string, string, string> BadEnvironment => new()
    {
        { "Watcher__Jobs__0__OrganizationId", "bogus", "Watcher:Jobs:0:OrganizationId must match ^m-[0-9a-f]{32}$, but was 'bogus'" },
        { "Watcher__PollInterval", "soon", "Watcher:PollInterval" },
        { "Watcher__Aws__RetryMode", "legacy", "Watcher:Aws:RetryMode must be Standard or Adaptive, but was 'legacy'" },
    };

    [Theory]
    [MemberData(nameof(BadEnvironment))]
    public async Task Main_WithBadSettingFromEnvironment_ExitsNonZeroNamingTheKeyBeforeServing(string variable, string value, string expected)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Watcher__Aws__Region"] = "eu-west-1",
            ["Watcher__Jobs__0__OrganizationId"] = "m-0123456789abcdef0123456789abcdef",
            ["Watcher__Jobs__0__JobId"] = "job-1",
            [variable] = value,
        };
        await using var watcher = WatcherProcess.Start(["--urls", "http://127.0.0.1:0"], environment);

        var exitCode = await watcher.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(WatcherHost.InvalidConfigurationExitCode, exitCode);
        Assert.Contains(expected, watcher.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", watcher.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_WhenItsPortIsTaken_ExitsNonZeroWithOneLineNamingTheAddress()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";
        var environment = new Dictionary<string, string?>
        {
            ["Watcher__Aws__Region"] = "eu-west-1",
            ["Watcher__Jobs__0__OrganizationId"] = "m-0123456789abcdef0123456789abcdef",
            ["Watcher__Jobs__0__JobId"] = "job-1",
        };
        await using var watcher = WatcherProcess.Start(["--urls", address], environment);

        var exitCode = await watcher.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(WatcherStartupException.CannotListenExitCode, exitCode);
        Assert.Contains("Watcher cannot start because it cannot listen:", watcher.Output, StringComparison.Ordinal);
        Assert.Contains($"Failed to bind to address {address}", watcher.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", watcher.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", watcher.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_WithSimulate_ServesEveryJobOfTheDemoAndTheirValuesMove()
    {
        await using var watcher = WatcherProcess.Start(["--simulate", "--urls", "http://127.0.0.1:0"]);
        var address = await watcher.WaitForListeningAsync(TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = address };

        var first = await ScrapeWhenReadyAsync(client);
        var states = first.Named("workmail_export_job_state").Where(s => s.Value == 1).Select(s => s["state"]).ToList();
        Assert.Contains("RUNNING", states);
        Assert.Contains("FAILED", states);
        Assert.Contains("CANCELLED", states);
        Assert.NotEmpty(first.Named("workmail_export_job_failure_info"));
        Assert.All(first.Named("workmail_export_job_poll_success"), s => Assert.Equal(1, s.Value));

        // One organization is watched by discovery, with dozens of jobs.
        var discovered = Assert.Single(first.Named("workmail_organization_info"));
        Assert.Equal("contoso-offboarding", discovered["alias"]);
        Assert.True(first.Named("workmail_export_jobs").Where(s => s["organization_id"] == discovered["organization_id"]).Sum(s => s.Value) >= 30);

        // Demo jobs progress within a poll interval or two.
        await Wait.UntilAsync(
            async () =>
            {
                var later = PrometheusText.Parse(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
                return later.Named("workmail_export_job_progress_ratio").Any(s =>
                    first.For("workmail_export_job_progress_ratio", s["job_id"]!).SingleOrDefault() is { } before && s.Value > before.Value);
            },
            TimeSpan.FromSeconds(60),
            () => "a demo job's progress to move",
            every: TimeSpan.FromSeconds(1));
    }

    private static async Task<PrometheusText> ScrapeWhenReadyAsync(HttpClient client)
    {
        await Wait.UntilAsync(
            async () => (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode == System.Net.HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            () => "the demo to turn ready");
        return PrometheusText.Parse(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
    }
}
