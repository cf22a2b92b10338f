using System.Text.RegularExpressions;
using Watcher.Simulator;
using Watcher.Testing;
using Watcher.Testing.Processes;

namespace Watcher.Tests.Check;

/// <summary>
/// <c>watcher check --simulate</c> run exactly as the README shows it, with <c>dotnet run</c> from the repository root:
/// the real check (client, SigV4, report) against the demo's simulator.
/// </summary>
public sealed class CheckSimulateProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void Check_SimulateAsTheReadmeShowsIt_ChecksTheDemosConfigurationAndExitsZero()
    {
        var result = DotnetRun.Run(DotnetRun.FromReadme("check --simulate"), Timeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Error);
        Assert.Contains("Demo mode: checking the demo's configuration against the built-in WorkMail simulator at http://127.0.0.1:", result.Output, StringComparison.Ordinal);
        Assert.Matches($@"Configuration: valid \(\d+ jobs, 1 organization; settings from {Regex.Escape(Repository.Root)}\)", result.Output);
        Assert.Contains("Credentials: static:", result.Output, StringComparison.Ordinal);
        Assert.Matches($@"job\s+{DemoScenario.LegalOrganizationId}\s+us-east-1\s+\S+\s+RUNNING\s+\d+%\s+ok", result.Output);
        Assert.Matches($@"job\s+{DemoScenario.FinanceOrganizationId}\s+us-east-1\s+\S+\s+FAILED\s+\d+%\s+ok", result.Output);
        Assert.Matches($@"organization\s+{DemoScenario.DiscoveryOrganizationId} \({DemoScenario.DiscoveryOrganizationAlias}\)\s+us-east-1\s+\d+ jobs listed", result.Output);
        Assert.Matches(@"\n(\d+) of \1 checks passed\.", result.Output);
    }

    [Fact]
    public void Check_SimulateWithAnUnknownOption_ExitsTwoWithTheChecksUsage()
    {
        var result = WatcherProcess.Run(["check", "--simulate", "--bogus"], Timeout);

        Assert.Equal(Watcher.Cli.Usage.UsageExitCode, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.StartsWith("watcher: unknown option '--bogus'", result.Error, StringComparison.Ordinal);
        Assert.Contains(Watcher.Cli.Usage.CheckHelp, result.Error, StringComparison.Ordinal);
    }
}
