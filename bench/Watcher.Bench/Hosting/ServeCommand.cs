using Watcher.Web;

namespace Watcher.Bench.Hosting;

/// <summary>
/// The child process the harness measures: the real Watcher app, built the way Program.cs builds it, plus the
/// harness's own endpoints on the same Kestrel. A process per host keeps each memory reading clean.
/// </summary>
internal static class ServeCommand
{
    public const string Name = "serve";

    /// <param name="args">The content root (with appsettings.json) and the URL to listen on.</param>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var contentRoot, var url])
        {
            await Console.Error.WriteLineAsync("usage: serve CONTENT_ROOT URL");
            return 2;
        }

        try
        {
            var builder = WatcherHost.CreateBuilder([$"--urls={url}"], contentRoot);
            builder.AddWatcher();
            var app = builder.Build();
            app.MapWatcherEndpoints();
            app.MapBenchEndpoints();
            await app.RunWatcherAsync();
            return 0;
        }
        catch (WatcherStartupException ex)
        {
            await Console.Error.WriteLineAsync(ex.Report());
            return ex.ExitCode;
        }
    }
}
