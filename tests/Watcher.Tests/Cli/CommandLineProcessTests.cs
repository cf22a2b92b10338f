using Watcher.Cli;
using Watcher.Metrics;
using Watcher.Testing.Processes;

namespace Watcher.Tests.Cli;

/// <summary>The built binary's command line, in processes of its own.</summary>
public sealed class CommandLineProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Main_Help_PrintsTheUsageAndExitsZero(string flag)
    {
        var result = WatcherProcess.Run([flag], Timeout);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Usage.ServiceHelp + "\n", result.Output);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Main_CheckHelp_PrintsTheChecksUsageAndExitsZero()
    {
        var result = WatcherProcess.Run(["check", "--help"], Timeout);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Usage.CheckHelp + "\n", result.Output);
    }

    [Fact]
    public void Main_Version_PrintsTheVersionAndRevisionItWasBuiltWithAndExitsZero()
    {
        var result = WatcherProcess.Run(["--version"], Timeout);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"watcher {BuildInfo.Version} (revision {BuildInfo.Revision})\n", result.Output);
    }

    [Theory]
    [InlineData("--bogus", "unknown option '--bogus'")]
    [InlineData("frobnicate", "unknown command 'frobnicate'")]
    public void Main_UnknownOptionOrVerb_ExitsTwoWithTheUsageOnStandardErrorAndServesNothing(string argument, string expected)
    {
        var result = WatcherProcess.Run([argument, "--urls", "http://127.0.0.1:0"], Timeout);

        Assert.Equal(Usage.UsageExitCode, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.StartsWith($"watcher: {expected}", result.Error, StringComparison.Ordinal);
        Assert.Contains(Usage.ServiceHelp, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_ConfigurationOverridesInBothForms_ReachTheConfiguration()
    {
        // Nothing to watch but what the command line names: without its overrides, validation stops the start.
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
        };
        await using var watcher = WatcherProcess.Start(
            [
                "--Watcher:Aws:Region=eu-west-1",
                "--Watcher:Aws:ServiceUrl=http://127.0.0.1:1",
                "--Watcher:Jobs:0:OrganizationId", "m-0123456789abcdef0123456789abcdef",
                "--Watcher:Jobs:0:JobId", "job-1",
                "--urls", "http://127.0.0.1:0",
            ],
            environment);

        var address = await watcher.WaitForListeningAsync(Timeout);

        Assert.Equal("127.0.0.1", address.Host);
    }
}
