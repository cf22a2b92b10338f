using Watcher.Check;
using Watcher.Demo;
using Watcher.Metrics;

namespace Watcher.Cli;

/// <summary>What <c>--help</c>, <c>--version</c> and a bad command line print, and the exit code each ends with.</summary>
public static class Usage
{
    public const int UsageExitCode = WatcherStartupException.InvalidConfigurationExitCode;

    private const string Documentation = "https://github.com/watcher-project/watcher/blob/main/docs/configuration.md";

    public static string VersionLine => $"watcher {BuildInfo.Version} (revision {BuildInfo.Revision})";

    public static string ServiceHelp => $"""
        Usage: watcher [{DemoMode.Flag}] [CONFIGURATION...]
               watcher {CheckCommand.Verb} [{DemoMode.Flag}] [CONFIGURATION...]
               watcher --help | {CommandLineParser.VersionFlag}

        Watches Amazon WorkMail mailbox export jobs and serves them as Prometheus metrics.

        Commands:
          (none)      Run the service: poll WorkMail, serve /metrics, /healthz, /readyz and the status page /
                      on {WatcherBuilderExtensions.DefaultUrl} unless Urls says otherwise.
          {CheckCommand.Verb,-10}  Validate the configuration, call WorkMail once for each job and organization,
                      print what it saw, and exit (watcher {CheckCommand.Verb} --help).

        Options:
          {DemoMode.Flag,-14}  Run against a built-in WorkMail simulator with demo jobs; no AWS account needed.
                          With {CheckCommand.Verb}: check the demo's configuration against that simulator.
          -h, --help      Print this help and exit.
          {CommandLineParser.VersionFlag,-14}  Print the version and source revision and exit.

        Configuration, each source overriding the one before:
          appsettings.json in the working directory, or else beside the executable
          environment variables, __ for each ':'   Watcher__Aws__Region=eu-west-1
          command-line overrides of a key path     --Watcher:PollInterval=00:05:00  --Watcher:Aws:Region eu-west-1
          the host's own keys                      --urls http://127.0.0.1:9464  --environment  --contentRoot
        Any other option or argument is an error. AWS credentials come from the AWS SDK's default chain
        (environment, profile, web identity, container, instance metadata).

        Exit codes:
          0  stopped (SIGTERM, Ctrl+C); or --help, --version
          {UsageExitCode}  invalid configuration or command line; nothing was served
          {WatcherStartupException.CannotListenExitCode}  cannot listen on the configured address

        Documentation: {Documentation}
        """;

    public static string CheckHelp => $"""
        Usage: watcher {CheckCommand.Verb} [{DemoMode.Flag}] [CONFIGURATION...]

        Loads and validates the configuration as the service would, names the AWS credential source, calls
        WorkMail once for each configured job (DescribeMailboxExportJob) and organization (one
        ListMailboxExportJobs page), and prints what it saw, with a hint for each error.

        Options:
          {DemoMode.Flag,-14}  Check the demo's configuration (watcher {DemoMode.Flag}) against a built-in WorkMail
                          simulator started for the check: the same client, signing and report; no AWS account needed.
          -h, --help      Print this help and exit.
          {CommandLineParser.VersionFlag,-14}  Print the version and source revision and exit.

        Configuration: as for the service (watcher --help).

        Exit codes:
          0  every call worked
          {CheckCommand.FailedExitCode}  a call failed
          {UsageExitCode}  invalid configuration or command line

        Documentation: {Documentation}#watcher-check
        """;

    /// <summary>Prints what the command line asked for, unless it asked to run.</summary>
    /// <returns>The exit code, or null when Watcher or the check should run.</returns>
    public static async Task<int?> AnswerAsync(CommandLineArguments command, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var usage = command.Verb == CheckCommand.Verb ? CheckHelp : ServiceHelp;
        switch (command.Request)
        {
            case CommandLineRequest.Help:
                await output.WriteLineAsync(usage);
                return 0;
            case CommandLineRequest.Version:
                await output.WriteLineAsync(VersionLine);
                return 0;
            case CommandLineRequest.Invalid:
                await error.WriteLineAsync($"watcher: {command.Error}");
                await error.WriteLineAsync();
                await error.WriteLineAsync(usage);
                return UsageExitCode;
            default:
                return null;
        }
    }
}
