using System.Text.Json;

namespace Watcher.Testing.Hosting;

/// <summary>The appsettings.json a test gives Watcher, written the way a ConfigMap update lands.</summary>
public static class SettingsFile
{
    public const string Name = "appsettings.json";

    /// <summary>Writes <paramref name="watcherSection"/> as the <c>Watcher</c> section, with logging at Warning.</summary>
    public static async Task WriteAsync(string folder, object watcherSection)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Logging"] = new { LogLevel = new { Default = "Warning" } },
            ["Watcher"] = watcherSection,
        });

        // Write then rename, so the watcher never reads half a file.
        var temp = Path.Combine(folder, Name + ".tmp");
        await File.WriteAllTextAsync(temp, json);
        File.Move(temp, Path.Combine(folder, Name), overwrite: true);
    }
}
