using System.Text.Json;

namespace Watcher.Testing.Hosting;

/// <summary>The appsettings.json a test gives Watcher, written the way a ConfigMap update lands.</summary>
public static class SettingsFile
{
    public const string Name = "appsettings.json";

    /// <summary>Logging at Warning, except the reloads (applied, rejected, and why), which a test may wait for.</summary>
    public static readonly object ReloadsLogged = new
    {
        LogLevel = new Dictionary<string, string>
        {
            ["Default"] = "Warning",
            ["Microsoft.Hosting.Lifetime"] = "Information",
            ["Watcher.Scheduling.WatchedJobsService"] = "Information",
            ["Watcher.Configuration.SettingsReloadService"] = "Information",
        },
    };

    /// <summary>Writes <paramref name="watcherSection"/> as the <c>Watcher</c> section, with logging at Warning.</summary>
    public static Task WriteAsync(string folder, object watcherSection) => WriteTextAsync(folder, Render(watcherSection));

    /// <summary>
    /// Writes <paramref name="text"/> as the whole file: into a temporary file renamed over it, so the watcher never
    /// reads half a file, or <paramref name="inPlace"/>, into the file itself, as an editor may.
    /// </summary>
    public static async Task WriteTextAsync(string folder, string text, bool inPlace = false)
    {
        var file = Path.Combine(folder, Name);
        var written = inPlace ? file : file + ".tmp";
        await File.WriteAllTextAsync(written, text);
        if (!inPlace)
        {
            File.Move(written, file, overwrite: true);
        }
    }

    /// <summary>The file's text: <paramref name="watcherSection"/> as the <c>Watcher</c> section, and a <c>Logging</c> section (at Warning when null).</summary>
    public static string Render(object watcherSection, object? logging = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Logging"] = logging ?? new { LogLevel = new { Default = "Warning" } },
            ["Watcher"] = watcherSection,
        });
}
