using Watcher;
using Watcher.Check;
using Watcher.Demo;
using Watcher.Web;

if (CheckCommand.IsRequested(args))
{
    return await CheckCommand.RunAsync(CheckCommand.WithoutVerb(args), Console.Out);
}

var builder = WatcherHost.CreateBuilder(DemoMode.WithoutFlag(args));
if (DemoMode.IsRequested(args))
{
    await builder.AddDemoSimulatorAsync();
}

builder.AddWatcher();        // options, WorkMail client, scheduling, metrics, health checks
var app = builder.Build();
app.MapWatcherEndpoints();   // /metrics, /healthz, /readyz, /
return await app.RunWatcherAsync();

public partial class Program;
