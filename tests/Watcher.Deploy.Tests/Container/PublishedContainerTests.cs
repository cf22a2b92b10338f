using Watcher.Simulator;
using Watcher.Testing;
using Watcher.Testing.Processes;
using Watcher.Testing.Waiting;

namespace Watcher.Deploy.Tests.Container;

/// <summary>
/// There is no Docker engine here, so this stands in for the image: it runs the same publish script the
/// Dockerfile runs (Native AOT), then starts the executable as the container would — with no .NET installed
/// for it, as the image's non-root user, from a read-only copy, configured only through environment
/// variables — against the simulator.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PublishedContainerTests
{
    /// <summary>The chiseled images' $APP_UID.</summary>
    private const int AppUid = 1654;

    private const string Org = "m-00000000000000000000000000c0ffee";

    [Fact]
    public void Dockerfile_PublishesWithTheSharedScriptAndRunsAsTheAppUser()
    {
        var dockerfile = File.ReadAllText(Repository.File("Dockerfile"));

        Assert.Matches(@"RUN sh eng/publish\.sh /app --no-restore", dockerfile);
        Assert.Matches(@"(?m)^USER \$APP_UID$", dockerfile);
        Assert.Matches(@"(?m)^EXPOSE 9464$", dockerfile);
        Assert.Contains("ENTRYPOINT [\"/app/watcher\"]", dockerfile, StringComparison.Ordinal);
        Assert.Matches(@"FROM mcr\.microsoft\.com/dotnet/runtime-deps:10\.0[^\s]*chiseled", dockerfile);
        // The restore layer copies only the build and project files.
        var restore = dockerfile.IndexOf("RUN dotnet restore", StringComparison.Ordinal);
        Assert.True(restore > 0 && restore < dockerfile.IndexOf("COPY src/ src/", StringComparison.Ordinal));
        Assert.Equal(9464, new Uri(WatcherBuilderExtensions.DefaultUrl.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port);
    }

    [Fact]
    public async Task Published_AsNonRootFromReadOnlyCopyWithEnvConfig_ServesMetrics()
    {
        await using var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        simulator.Store.AddOrganization(Org, "container");
        simulator.Store.AddJob(Org, new SimulatedJob { JobId = "in-a-container", StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(1) });

        var app = Publish();
        await using var watcher = Start(app, new Dictionary<string, string?>
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

        Assert.DoesNotContain("Exception", watcher.Output, StringComparison.Ordinal);
        if (Environment.UserName == "root")
        {
            Assert.Equal(AppUid.ToString(System.Globalization.CultureInfo.InvariantCulture), UidOf(watcher));
        }
    }

    /// <summary>Runs eng/publish.sh, then copies the output to a folder nobody can write to.</summary>
    private static string Publish()
    {
        var output = Directory.CreateTempSubdirectory("watcher-publish-").FullName;
        var result = ChildProcess.Run("sh", [Repository.File("eng", "publish.sh"), output], TimeSpan.FromMinutes(10));
        Assert.True(result.ExitCode == 0, $"eng/publish.sh failed: {result}");

        // One native executable: no managed entry point, so no .NET runtime is needed in the image.
        Assert.True(File.Exists(Path.Combine(output, "watcher")), "eng/publish.sh produced no native watcher executable");
        Assert.False(File.Exists(Path.Combine(output, "watcher.dll")), "eng/publish.sh produced watcher.dll: not a Native AOT build");

        var readOnly = Directory.CreateTempSubdirectory("watcher-app-").FullName;
        foreach (var file in Directory.GetFiles(output, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(readOnly, Path.GetRelativePath(output, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            var executable = Path.GetFileName(file) == "watcher" ? UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : UnixFileMode.None;
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead | executable);
        }

        foreach (var dir in Directory.GetDirectories(readOnly, "*", SearchOption.AllDirectories).Append(readOnly))
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        Directory.Delete(output, recursive: true);
        return readOnly;
    }

    private static ChildProcess Start(string app, Dictionary<string, string?> environment)
    {
        var command = new List<string>();
        if (Environment.UserName == "root")
        {
            // Drop to the image's user, with no supplementary groups, as the container runtime would.
            command.AddRange(["setpriv", $"--reuid={AppUid}", $"--regid={AppUid}", "--clear-groups", "--"]);
        }

        command.Add(Path.Combine(app, "watcher"));

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
