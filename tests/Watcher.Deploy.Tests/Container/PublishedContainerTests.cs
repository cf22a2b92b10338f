using Watcher.Simulator;
using Watcher.Testing.Processes;
using Watcher.Testing.Prometheus;
using Watcher.Testing.Waiting;

namespace Watcher.Deploy.Tests.Container;

/// <summary>
/// There is no Docker engine here, so this stands in for the image: it runs the same publish script the
/// Dockerfile runs (Native AOT), then starts the executable as the container would — with no .NET installed
/// for it, as the image's non-root user, from a read-only copy, configured only through environment
/// variables — against the simulator.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PublishedContainerTests(PublishedWatcher published) : IClassFixture<PublishedWatcher>
{
    /// <summary>The chiseled images' $APP_UID.</summary>
    private const int AppUid = 1654;

    private const string Org = "m-00000000000000000000000000c0ffee";

    [Fact]
    public async Task Published_AsNonRootFromReadOnlyCopyWithEnvConfig_ServesMetrics()
    {
        await using var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        simulator.Store.AddOrganization(Org, "container");
        simulator.Store.AddJob(Org, new SimulatedJob { JobId = "in-a-container", StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(1) });

        await using var watcher = Start(published.Folder, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["AWS_REGION"] = simulator.Region,
            ["AWS_ACCESS_KEY_ID"] = simulator.Credentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = simulator.Credentials.SecretAccessKey,
            ["Watcher__Aws__ServiceUrl"] = simulator.ServiceUrl.ToString(),
            ["Watcher__Organizations__0__OrganizationId"] = Org,
        });

        var address = await watcher.WaitForListeningAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = address };

        // The discovered job's series appear while its organization's poll is still finishing: wait for both.
        await Wait.UntilAsync(
            async () =>
            {
                var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
                return metrics.Contains("job_id=\"in-a-container\"", StringComparison.Ordinal)
                    && metrics.Contains("workmail_organization_poll_success{organization_id=\"" + Org + "\"} 1", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(30),
            () => $"the job's series and a successful listing. Output:\n{watcher.Output}");

        var buildInfo = Assert.Single(PrometheusText.Parse(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Named("watcher_build_info"));
        Assert.Equal(PublishedWatcher.Version, buildInfo["version"]);
        Assert.Equal(PublishedWatcher.Revision, buildInfo["revision"]);
        Assert.DoesNotContain("Exception", watcher.Output, StringComparison.Ordinal);
        if (Environment.UserName == "root")
        {
            Assert.Equal(AppUid.ToString(System.Globalization.CultureInfo.InvariantCulture), UidOf(watcher));
        }
    }

    [Fact]
    public async Task Published_Version_PrintsTheStampedVersionAndRevisionAndExitsZero()
    {
        await using var watcher = Start(published.Folder, new Dictionary<string, string?>(), "--version");

        Assert.Equal(0, await watcher.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal($"watcher {PublishedWatcher.Version} (revision {PublishedWatcher.Revision}){Environment.NewLine}", watcher.Output);
    }

    private static ChildProcess Start(string app, Dictionary<string, string?> environment, params string[] arguments)
    {
        var command = new List<string>();
        if (Environment.UserName == "root")
        {
            // Drop to the image's user, with no supplementary groups, as the container runtime would.
            command.AddRange(["setpriv", $"--reuid={AppUid}", $"--regid={AppUid}", "--clear-groups", "--"]);
        }

        command.Add(Path.Combine(app, "watcher"));
        command.AddRange(arguments);

        // Only what a container would have: no inherited settings, a HOME nobody can write, and no .NET.
        environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        environment["HOME"] = "/nonexistent";
        environment["DOTNET_gcServer"] = "0";
        environment["DOTNET_EnableDiagnostics"] = "0";
        return ChildProcess.Start(command[0], command.Skip(1), new ChildProcessOptions { WorkingDirectory = app, ClearEnvironment = true, Environment = environment });
    }

    /// <summary>The real user id a process runs as, from /proc.</summary>
    private static string UidOf(ChildProcess process) =>
        File.ReadAllLines($"/proc/{process.Id}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1];
}
