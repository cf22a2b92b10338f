using System.Text.Json;

namespace Watcher.Bench.Seeding;

/// <summary>
/// Writes the <c>appsettings.json</c> a Watcher under test reads from its content root. Rate and concurrency are
/// raised so that they do not cap what is measured, and the interval is long so that steady-state polling stays
/// out of the measurements (each measurement triggers the cycle it needs).
/// </summary>
internal static class WatcherSettingsFile
{
    public static string Write(WatcherSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folder = Directory.CreateTempSubdirectory("watcher-bench-").FullName;
        var watcher = new Dictionary<string, object>
        {
            ["Aws"] = new Dictionary<string, object>
            {
                ["Region"] = settings.Region,
                ["ServiceUrl"] = settings.ServiceUrl.ToString(),
                ["MaxRequestsPerSecond"] = settings.MaxRequestsPerSecond,
            },
            ["PollInterval"] = settings.PollInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["MaxConcurrentCalls"] = settings.MaxConcurrentCalls,
            ["Jobs"] = settings.Jobs.Select(j => new { OrganizationId = settings.JobsOrganizationId, JobId = j }).ToList(),
            ["Organizations"] = settings.Organizations.Select(o => new { OrganizationId = o }).ToList(),
        };
        var coverage = new Dictionary<string, object> { ["Enabled"] = settings.CoverageEnabled };
        if (settings.CoverageStorePath is { } storePath)
        {
            coverage["StorePath"] = storePath;
        }

        watcher["Coverage"] = coverage;
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Logging"] = new { LogLevel = new { Default = "Warning" } },
            ["Watcher"] = watcher,
        });
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), json);
        return folder;
    }
}
