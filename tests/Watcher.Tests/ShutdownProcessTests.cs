using System.Diagnostics;
using Watcher.Simulator;
using Watcher.Testing.Processes;
using Watcher.Testing.Waiting;
using Watcher.Tests.Support;

namespace Watcher.Tests;

/// <summary>
/// SIGTERM while a WorkMail call is in flight, the way Kubernetes stops a pod. Watcher runs in a process of its own,
/// which shares no meters with this one: no need to run alone.
/// </summary>
public sealed class ShutdownProcessTests
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Main_SigtermWhileDescribeInFlight_CancelsItAndExitsZeroWithinShutdownTimeout()
    {
        var shutdownTimeout = TimeSpan.FromSeconds(10);
        await using var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        simulator.Store.AddJob(Org, new SimulatedJob { JobId = "slow", StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(10), Outcome = SimulatedOutcome.RunForever });
        simulator.Faults.AddedLatency = TimeSpan.FromSeconds(30);
        await using var proxy = await RecordingProxy.StartAsync(simulator.ServiceUrl);
        var environment = new Dictionary<string, string?>
        {
            ["Watcher__Aws__Region"] = simulator.Region,
            ["Watcher__Aws__ServiceUrl"] = proxy.Address.ToString(),
            ["Watcher__Aws__RequestTimeout"] = "00:01:00",
            ["Watcher__ShutdownTimeout"] = "00:00:10",
            ["Watcher__Jobs__0__OrganizationId"] = Org,
            ["Watcher__Jobs__0__JobId"] = "slow",
            ["AWS_ACCESS_KEY_ID"] = simulator.Credentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = simulator.Credentials.SecretAccessKey,
        };
        await using var watcher = WatcherProcess.Start(["--urls", "http://127.0.0.1:0"], environment);
        await watcher.WaitForListeningAsync(TimeSpan.FromSeconds(60));

        await Wait.UntilAsync(
            () => proxy.Exchanges.Any(e => e.Operation == "DescribeMailboxExportJob" && e.InFlight),
            proxy.Changed,
            TimeSpan.FromSeconds(20),
            () => $"a describe in flight. Output:\n{watcher.Output}");

        var signalled = Stopwatch.StartNew();
        await watcher.TerminateAsync();

        var exitCode = await watcher.WaitForExitAsync(shutdownTimeout + TimeSpan.FromSeconds(3));

        Assert.Equal(0, exitCode);
        Assert.True(signalled.Elapsed < shutdownTimeout + TimeSpan.FromSeconds(3), $"exited after {signalled.Elapsed}");
        Assert.DoesNotContain("Unhandled exception", watcher.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fail:", watcher.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("crit:", watcher.Output, StringComparison.Ordinal);

        // The describe was cancelled, not answered: the simulator never logged it.
        Assert.Equal(0, simulator.Requests.Count("DescribeMailboxExportJob"));
    }
}
