using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Watcher.Configuration;

namespace Watcher;

/// <summary>How the process starts and stops: content root, settings files Watcher reloads itself, and start-up errors.</summary>
public static partial class WatcherHost
{
    public const int InvalidConfigurationExitCode = WatcherStartupException.InvalidConfigurationExitCode;

    /// <summary>
    /// A builder that reads <c>appsettings.json</c> from the working directory when it has one (the
    /// repository root, a mounted ConfigMap) and otherwise from beside the binary.
    /// </summary>
    /// <exception cref="WatcherStartupException">The settings file does not parse.</exception>
    public static WebApplicationBuilder CreateBuilder(string[] args, string? contentRoot = null)
    {
        contentRoot ??= File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? Directory.GetCurrentDirectory()
            : AppContext.BaseDirectory;
        WebApplicationBuilder builder;
        try
        {
            builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
            SettingsFiles.TakeOverReloading(builder.Configuration);
        }
        catch (InvalidDataException ex)
        {
            // The host's message names the file, the JSON reader's innermost one says where it went wrong.
            var messages = new List<string>();
            for (Exception? each = ex; each is not null; each = each.InnerException)
            {
                messages.Add(each.Message);
            }

            throw WatcherStartupException.InvalidConfiguration([string.Join(' ', messages).ReplaceLineEndings(" ")], ex);
        }

        // The host logs a failed start with its stack trace; RunWatcherAsync reports the known causes in one line,
        // and any other failure still surfaces, whole, as the exception that ends the process.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        return builder;
    }

    /// <summary>Checks the configuration, then runs until shutdown.</summary>
    /// <exception cref="WatcherStartupException">The configuration is invalid (nothing was served), or an address is taken.</exception>
    public static async Task RunWatcherAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        ThrowIfInvalid(app.Services);
        LogSettingsFiles(app.Services);
        try
        {
            await app.RunAsync();
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException or SocketException)
        {
            // Kestrel's message names the address, e.g. "Failed to bind to address http://0.0.0.0:9464: address already in use."
            throw WatcherStartupException.CannotListen(ex.Message, ex);
        }
    }

    /// <summary>Names the settings files, so that whoever edits one knows it is the file this process reads and watches.</summary>
    private static void LogSettingsFiles(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WatcherHost).FullName!);
        var files = services.GetRequiredService<SettingsFiles>().Files;
        if (files.Count == 0)
        {
            Log.NoSettingsFile(logger);
            return;
        }

        // A file that is not there yet is watched all the same, and read when it appears.
        Log.SettingsFiles(logger, string.Join(", ", files.Select(f => File.Exists(f.FullPath) ? f.FullPath : $"{f.FullPath} (not present)")));
    }

    /// <summary>Reads the options once, so that a bad configuration is reported before anything starts.</summary>
    /// <exception cref="WatcherStartupException">The configuration is invalid.</exception>
    public static WatcherOptions ThrowIfInvalid(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            return services.GetRequiredService<IOptions<WatcherOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw WatcherStartupException.InvalidConfiguration(ex.Failures, ex);
        }
        catch (InvalidOperationException ex)
        {
            // Values that do not convert are validation failures (WatcherOptionsBinder); anything the binder still
            // cannot bind throws this, whose message names the key.
            throw WatcherStartupException.InvalidConfiguration([ex.Message], ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Settings files, read at start and watched for changes: {SettingsFiles}")]
        public static partial void SettingsFiles(ILogger logger, string settingsFiles);

        [LoggerMessage(2, LogLevel.Information, "No settings file: the settings come from the environment and the command line only")]
        public static partial void NoSettingsFile(ILogger logger);
    }
}
