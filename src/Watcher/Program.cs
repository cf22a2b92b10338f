using Watcher;
using Watcher.Check;
using Watcher.Demo;
using Watcher.Web;

try
{
    if (CheckCommand.IsRequested(args))
    {
        return await CheckCommand.RunAsync(CheckCommand.WithoutVerb(args), Console.Out);
    }

    var builder = WatcherHost.CreateBuilder(DemoMode.WithoutFlag(args));
    if (DemoMode.IsRequested(args))
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
