using Watcher;
using Watcher.Check;
using Watcher.Cli;
using Watcher.Demo;
using Watcher.Web;

try
{
    var command = CommandLineParser.Parse(args);
    if (await Usage.AnswerAsync(command, Console.Out, Console.Error) is { } answered)
    {
        return answered;     // --help, --version, or a command line it cannot run
    }

    string[] configuration = [.. command.ConfigurationArguments];
    if (command.Verb == CheckCommand.Verb)
    {
        return command.Simulate
            ? await DemoMode.CheckAsync(configuration, Console.Out)
            : await CheckCommand.RunAsync(configuration, Console.Out);
    }

    var builder = WatcherHost.CreateBuilder(configuration);
    if (command.Simulate)
    {
        await builder.AddDemoSimulatorAsync();
    }

    builder.AddWatcher();        // options, state, metrics, WorkMail client, scheduling, health checks
    var app = builder.Build();
    app.MapWatcherEndpoints();   // /metrics, /healthz, /readyz, /
    await app.RunWatcherAsync();
    return 0;
}
catch (WatcherStartupException ex)
{
    await Console.Error.WriteLineAsync(ex.Report());
    return ex.ExitCode;
}

public partial class Program;
