using System.Diagnostics;
using Watcher.Simulator;
using Watcher.Testing.Deployment;
using Watcher.Testing.Hosting;
using Watcher.Testing.Processes;
using Watcher.Testing.Prometheus;
using Watcher.Testing.Waiting;

namespace Watcher.Tests.Configuration;

/// <summary>
/// The built binary with its working directory in a ConfigMap volume that is laid out, and updated, exactly as the
/// kubelet does it (<see cref="ConfigMapVolume"/>). Processes of their own, which share no meters with this one:
/// no need to run alone.
/// </summary>
public sealed class SettingsReloadProcessTests : IAsyncLifetime
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private const string DiscoveredOrg = "m-fedcba9876543210fedcba9876543210";
    private const string Applied = "Applied the reloaded configuration";

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    /// <summary>What the README promises for a ConfigMap update: one PollInterval plus a few seconds.</summary>
    private static readonly TimeSpan Promised = PollInterval + TimeSpan.FromSeconds(5);

    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        foreach (var (org, id) in new[] { (Org, "alpha"), (Org, "beta"), (Org, "gamma"), (DiscoveredOrg, "discovered") })
        {
            _simulator.Store.AddJob(org, new SimulatedJob { JobId = id, StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(10), Outcome = SimulatedOutcome.RunForever });
        }
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task ConfigMapUpdate_AddsAndRemovesJobs_WithinOnePollIntervalAndAgainAtTheSecondUpdate()
    {
        using var volume = ConfigMapVolume.Create(Files("alpha"));
        await using var watcher = await StartInAsync(volume, "alpha");

        volume.Update(Files("beta"));
        await watcher.ScrapeUntilAsync(s => Watched(s, "beta") && !Watched(s, "alpha"), "the first update: beta in, alpha out");

        volume.Update(Files("alpha", "gamma"));
        await watcher.ScrapeUntilAsync(s => Watched(s, "alpha") && Watched(s, "gamma") && !Watched(s, "beta"), "the second update: alpha and gamma in, beta out");
        await watcher.Process.WaitForLineAsync(l => l.Contains(Applied + ": 2 configured jobs", StringComparison.Ordinal), Promised, "the second update's log line");
        Assert.Equal(2, watcher.Lines(Applied));
    }

    [Fact]
    public async Task ConfigMapUpdate_TruncatedThenEmptyFile_IsRejectedNamingTheFileAndTheLastGoodKeepsRunning()
    {
        var good = Render("alpha", "beta");
        using var volume = ConfigMapVolume.Create(Settings(good));
        var file = Path.Combine(volume.Path, SettingsFile.Name);

        // As in the report: the environment alone is a valid configuration (an organization to discover), so an
        // emptied file, read as no settings at all, would pass validation and drop every job it listed.
        await using var watcher = await StartInAsync(volume, "discovered", ("Watcher__Organizations__0__OrganizationId", DiscoveredOrg));
        await watcher.ScrapeUntilAsync(s => Watched(s, "alpha") && Watched(s, "beta"), "the file's jobs");

        volume.Update(Settings(good[..(good.Length / 2)]));
        var truncated = await watcher.Process.WaitForLineAsync(l => l.Contains(" is not valid JSON: ", StringComparison.Ordinal), Promised, "the truncated file to be rejected");
        Assert.StartsWith(file + " is not valid JSON: ", truncated.Trim(), StringComparison.Ordinal);
        Assert.Contains("LineNumber: 0", truncated, StringComparison.Ordinal);
        await watcher.AssertStillPolledAsync("alpha", "beta");

        volume.Update(Settings(string.Empty));
        var emptied = await watcher.Process.WaitForLineAsync(l => l.Contains(" is empty", StringComparison.Ordinal), Promised, "the emptied file to be rejected");
        Assert.Equal(file + " is empty", emptied.Trim());
        await watcher.AssertStillPolledAsync("alpha", "beta");
        Assert.Equal(0, watcher.Lines(Applied));
        Assert.Equal(2, watcher.Lines("The reloaded configuration was rejected; the last good configuration keeps running:"));

        // A good file again: applied at once.
        volume.Update(Files("gamma"));
        await watcher.ScrapeUntilAsync(s => Watched(s, "gamma") && !Watched(s, "alpha") && !Watched(s, "beta") && Watched(s, "discovered"), "the repaired file's jobs");
        await watcher.Process.WaitForLineAsync(l => l.Contains(Applied + ": 1 configured job", StringComparison.Ordinal), Promised, "the repaired file's log line");
        Assert.Equal(1, watcher.Lines(Applied));
    }

    [Fact]
    public async Task ConfigMapUpdate_WithAMisspeltKey_IsRejectedNamingTheKeyAndTheLastGoodKeepsRunning()
    {
        using var volume = ConfigMapVolume.Create(Files("alpha"));
        await using var watcher = await StartInAsync(volume, "alpha");

        volume.Update(Settings(Render(["beta"], pollIntervalKey: "PollIntervall")));

        var rejected = await watcher.Process.WaitForLineAsync(l => l.Contains(" is not a setting", StringComparison.Ordinal), Promised, "the misspelt key to be rejected");
        Assert.Equal("Watcher:PollIntervall is not a setting; did you mean Watcher:PollInterval?", rejected.Trim());
        await watcher.AssertStillPolledAsync("alpha");
        Assert.Equal(0, watcher.Lines(Applied));
    }

    [Fact]
    public async Task WholeFolderReplaced_AppliesItAndTheUpdatesAfterIt()
    {
        using var volume = ConfigMapVolume.Create(Files("alpha"));
        await using var watcher = await StartInAsync(volume, "alpha");

        // Watcher's working directory is now the old folder, deleted; the new one is found by its path.
        volume.ReplaceFolder(Files("beta"));
        await watcher.ScrapeUntilAsync(s => Watched(s, "beta") && !Watched(s, "alpha"), "the new folder's jobs");

        volume.Update(Files("gamma"));
        await watcher.ScrapeUntilAsync(s => Watched(s, "gamma") && !Watched(s, "beta"), "an update of the new folder");
    }

    [Fact]
    public async Task Sighup_ReloadsTheConfigurationAndKeepsRunning()
    {
        using var volume = ConfigMapVolume.Create(Files("alpha"));
        await using var watcher = await StartInAsync(volume, "alpha");

        await watcher.Process.SignalAsync("HUP");

        await watcher.Process.WaitForLineAsync(l => l.Contains("SIGHUP received; reloading the configuration", StringComparison.Ordinal), Promised, "the SIGHUP to be logged");
        await watcher.Process.WaitForLineAsync(l => l.Contains(Applied + ": 1 configured job", StringComparison.Ordinal), Promised, "the reload to be applied");
        Assert.False(watcher.Process.HasExited, $"Watcher exited on SIGHUP. Output:\n{watcher.Process.Output}");
        await watcher.AssertStillPolledAsync("alpha");

        await watcher.Process.TerminateAsync();
        Assert.Equal(0, await watcher.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    private static bool Watched(PrometheusText scrape, string jobId) => scrape.For("workmail_export_job_state", jobId).Any();

    private static Dictionary<string, string> Settings(string text) => new() { [SettingsFile.Name] = text };

    private Dictionary<string, string> Files(params string[] jobIds) => Settings(Render(jobIds));

    private string Render(params string[] jobIds) => Render(jobIds, "PollInterval");

    /// <summary>The settings, with the poll interval written as a person would ("10s") under <paramref name="pollIntervalKey"/>.</summary>
    private string Render(string[] jobIds, string pollIntervalKey) => SettingsFile.Render(
        new Dictionary<string, object>
        {
            ["Aws"] = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString() },
            [pollIntervalKey] = $"{PollInterval.TotalSeconds}s",
            ["Jobs"] = jobIds.Select(id => new { OrganizationId = Org, JobId = id }).ToArray(),
        },
        SettingsFile.ReloadsLogged);

    /// <summary>Starts Watcher in <paramref name="volume"/> and waits until <paramref name="jobId"/> has series.</summary>
    private async Task<RunningWatcher> StartInAsync(ConfigMapVolume volume, string jobId, params (string Key, string Value)[] environment)
    {
        var variables = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = _simulator.Credentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = _simulator.Credentials.SecretAccessKey,
        };
        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        var watcher = new RunningWatcher(WatcherProcess.Start(["--urls", "http://127.0.0.1:0"], variables, volume.Path, TimeSpan.FromMinutes(3)));
        try
        {
            await watcher.WaitUntilListeningAsync();
            await watcher.ScrapeUntilAsync(s => Watched(s, jobId), $"{jobId}'s series");
            return watcher;
        }
        catch
        {
            await watcher.DisposeAsync();
            throw;
        }
    }

    private sealed class RunningWatcher(ChildProcess process) : IAsyncDisposable
    {
        private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(10) };

        public ChildProcess Process => process;

        public async Task WaitUntilListeningAsync() => _client.BaseAddress = await process.WaitForListeningAsync(TimeSpan.FromSeconds(60));

        public int Lines(string text) => process.Output.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

        /// <summary>Scrapes until <paramref name="condition"/> holds, failing after <see cref="Promised"/>.</summary>
        public Task<PrometheusText> ScrapeUntilAsync(Func<PrometheusText, bool> condition, string what)
        {
            var started = Stopwatch.StartNew();
            return Wait.ForAsync(
                async () =>
                {
                    Assert.False(process.HasExited, $"Watcher exited. Output:\n{process.Output}");
                    var scrape = PrometheusText.Parse(await _client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
                    return condition(scrape) ? scrape : null;
                },
                Promised,
                () => $"{what} (after {started.Elapsed}). Output:\n{process.Output}",
                TimeSpan.FromMilliseconds(250));
        }

        /// <summary>Every one of <paramref name="jobIds"/> polled successfully after now: the configuration in force still runs.</summary>
        public async Task AssertStillPolledAsync(params string[] jobIds)
        {
            var since = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
            await ScrapeUntilAsync(
                s => jobIds.All(id => s.For("workmail_export_job_last_poll_success_timestamp_seconds", id).Any(x => x.Value > since)),
                $"{string.Join(" and ", jobIds)} to be polled again");
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await process.DisposeAsync();
        }
    }
}
