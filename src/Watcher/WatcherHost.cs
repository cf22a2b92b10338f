using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;
using Watcher.Configuration;

namespace Watcher;

/// <summary>How the process starts and stops: content root, config reload safety and start-up errors.</summary>
public static partial class WatcherHost
{
    public const int InvalidConfigurationExitCode = 2;

    /// <summary>
    /// A builder that reads <c>appsettings.json</c> from the working directory when it has one (the
    /// repository root, a mounted ConfigMap) and otherwise from beside the binary.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, string? contentRoot = null)
    {
        contentRoot ??= File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? Directory.GetCurrentDirectory()
            : AppContext.BaseDirectory;
        WebApplicationBuilder builder;
        try
        {
            builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
        }
        catch (InvalidDataException ex)
        {
            // An appsettings.json that does not parse at start would otherwise end the process with an unhandled
            // exception (exit code 134 and a stack trace). Report it like any other configuration problem.
            var reason = string.Join(' ', new[] { ex.Message, ex.InnerException?.Message }.OfType<string>()).ReplaceLineEndings(" ");
            Console.Error.WriteLine("Watcher cannot start because its configuration is invalid:");
            Console.Error.WriteLine($"  {reason}");
            Console.Error.Flush();
            Environment.Exit(InvalidConfigurationExitCode);
            throw; // not reached
        }

        KeepLastGoodFileOnReloadError(builder.Configuration);
        return builder;
    }

    /// <summary>Checks the configuration, then runs until shutdown. Bad configuration exits non-zero before anything is served.</summary>
    public static async Task<int> RunWatcherAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            _ = app.Services.GetRequiredService<IOptions<WatcherOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            await WriteConfigurationErrorsAsync(ex.Failures);
            return InvalidConfigurationExitCode;
        }
        catch (InvalidOperationException ex)
        {
            // The binder's own message names the key it could not convert, e.g. 'Watcher:PollInterval'.
            await WriteConfigurationErrorsAsync([ex.Message]);
            return InvalidConfigurationExitCode;
        }

        await app.RunAsync();
        return 0;
    }

    private static async Task WriteConfigurationErrorsAsync(IEnumerable<string> failures)
    {
        await Console.Error.WriteLineAsync("Watcher cannot start because its configuration is invalid:");
        foreach (var failure in failures)
        {
            await Console.Error.WriteLineAsync($"  {failure}");
        }
    }

    private static void KeepLastGoodFileOnReloadError(ConfigurationManager configuration)
    {
        // By default a JSON file that fails to parse on reload throws on the file watcher's thread and
        // takes the process down. Ignoring the error keeps the process alive; the reloaded (empty) data
        // then fails validation, and the last good configuration keeps running.
        foreach (var source in configuration.Sources.OfType<JsonConfigurationSource>())
        {
            source.OnLoadException = context => context.Ignore = context.Provider.Source.ReloadOnChange;
        }
    }
}
