using Watcher.Simulator;
using Watcher.Testing.Processes;
using Watcher.Testing.Prometheus;
using Watcher.Testing.Waiting;
using Watcher.Tests.Support;
using Xunit.Abstractions;

namespace Watcher.Tests;

/// <summary>
/// The built binary getting its keys from the simulator's EKS Pod Identity agent, as a pod on EKS does. Processes of
/// their own: the SDK reads the agent's variables from the environment, and shares no meters with this one.
/// </summary>
public sealed class PodIdentityProcessTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private const string Token = "canary-pod-identity-token-5be07a";

    // Every session token the simulator issues, the agent's included, starts with this.
    private const string IssuedTokenPrefix = "SimulatorSessionToken/";

    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        _simulator.Store.AddJob(Org, new SimulatedJob
        {
            JobId = "running-job", StartOffset = TimeSpan.FromMinutes(-30), Duration = TimeSpan.FromHours(1), Outcome = SimulatedOutcome.RunForever,
        });
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Watcher_PodIdentityKeysShortLived_KeepsPollingWithFreshKeysPastTheFirstPairsExpiry()
    {
        // The SDK fetches keys this close to expiry again before each call; the simulator refuses a pair once expired.
        await using var podIdentity = await PodIdentitySetup.StartAsync(_simulator, Token, TimeSpan.FromSeconds(15));
        await using var watcher = WatcherProcess.Start(["--urls", "http://127.0.0.1:0"], podIdentity.AddTo(Config()));
        using var client = new HttpClient { BaseAddress = await watcher.WaitForListeningAsync(TimeSpan.FromSeconds(60)) };

        await Wait.UntilAsync(
            () => Task.FromResult(SignedAfterFirstExpiry(podIdentity.Agent) is not null),
            TimeSpan.FromSeconds(90),
            () => $"a successful call signed with keys fetched after the first pair expired; fetches: {podIdentity.Agent.Fetches.Count}. Output:\n{watcher.Output}",
            every: TimeSpan.FromMilliseconds(250));
        var metrics = PrometheusText.Parse(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
        log.WriteLine(watcher.Output);

        var fetched = podIdentity.Agent.Fetches.Where(f => f.StatusCode == 200).Select(f => f.AccessKeyId).ToHashSet();
        var requests = _simulator.Requests.All;
        Assert.All(requests, r => Assert.Null(r.ErrorCode));
        Assert.All(requests, r => Assert.Contains(r.AccessKeyId, fetched));
        Assert.True(requests.Select(r => r.AccessKeyId).Distinct().Count() >= 2);
        Assert.Equal(1, Assert.Single(metrics.For("workmail_export_job_poll_success", "running-job")).Value);
        Assert.DoesNotContain(metrics.Named("workmail_api_request_errors_total"), s => s.Value > 0);
    }

    [Fact]
    public async Task Watcher_PodIdentityAgentRefuses_ReportsNoCredentialsThenRecoversAndNeverShowsTheToken()
    {
        await using var podIdentity = await PodIdentitySetup.StartAsync(_simulator, Token, TimeSpan.FromHours(6));
        podIdentity.Agent.ForcedStatusCode = 403;
        await using var watcher = WatcherProcess.Start(["--urls", "http://127.0.0.1:0"], podIdentity.AddTo(Config()));
        using var client = new HttpClient { BaseAddress = await watcher.WaitForListeningAsync(TimeSpan.FromSeconds(60)) };
        var seen = new List<string>();

        var failing = await ScrapeUntilAsync(client, seen, m => m.For("workmail_export_job_poll_success", "running-job").Any(s => s.Value == 0)
            && m.Named("workmail_api_request_errors_total").Any(s => s["error_code"] == "NoCredentials" && s.Value > 0), "NoCredentials errors");
        seen.Add(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        await watcher.WaitForLineAsync(
            l => l.Contains($"getting credentials from the EKS Pod Identity agent at {podIdentity.Agent.CredentialsUrl} failed", StringComparison.Ordinal)
                && l.Contains("403 (Forbidden)", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            "the credential failure in the log");

        podIdentity.Agent.ForcedStatusCode = null;
        await ScrapeUntilAsync(client, seen, m => m.For("workmail_export_job_poll_success", "running-job").Any(s => s.Value == 1), "a successful poll");
        seen.Add(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        seen.Add(watcher.Output);
        log.WriteLine(watcher.Output);

        Assert.Contains(failing.Named("workmail_api_request_errors_total"), s => s["error_code"] == "NoCredentials" && s["operation"] == "DescribeMailboxExportJob");
        Assert.Contains(_simulator.Requests.All, r => r.ErrorCode is null && r.AssumedRoleArn is not null);
        Assert.All(seen, text =>
        {
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(IssuedTokenPrefix, text, StringComparison.Ordinal);
        });
    }

    private PodIdentityFetch? SignedAfterFirstExpiry(PodIdentityAgent agent)
    {
        var fetches = agent.Fetches;
        if (fetches is not [{ Expiration: { } firstExpiry }, ..])
        {
            return null;
        }

        var used = _simulator.Requests.All.Where(r => r.ErrorCode is null).Select(r => r.AccessKeyId).ToHashSet();
        return fetches.FirstOrDefault(f => f.At > firstExpiry && used.Contains(f.AccessKeyId));
    }

    private static async Task<PrometheusText> ScrapeUntilAsync(HttpClient client, List<string> seen, Func<PrometheusText, bool> condition, string what) =>
        await Wait.ForAsync(
            async () =>
            {
                var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
                seen.Add(text);
                var metrics = PrometheusText.Parse(text);
                return condition(metrics) ? metrics : null;
            },
            TimeSpan.FromSeconds(60),
            () => what,
            every: TimeSpan.FromMilliseconds(500));

    private Dictionary<string, string?> Config() => new()
    {
        ["Watcher__Aws__Region"] = _simulator.Region,
        ["Watcher__Aws__ServiceUrl"] = _simulator.ServiceUrl.ToString(),
        ["Watcher__Aws__MaxAttempts"] = "1",
        ["Watcher__PollInterval"] = "00:00:10",
        ["Watcher__Jobs__0__OrganizationId"] = Org,
        ["Watcher__Jobs__0__JobId"] = "running-job",
    };
}
