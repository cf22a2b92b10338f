using Watcher.Testing;
using Watcher.Testing.Processes;

namespace Watcher.Tests;

/// <summary>
/// <c>dotnet run --project src/Watcher</c>, as the README runs it: the settings file it reads and watches is the
/// repository's root appsettings.json (the one the README says to edit), not the build's copy in bin/.
/// </summary>
public sealed class DotnetRunProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Main_DotnetRunAsTheReadmeShowsIt_ReadsAndWatchesTheRootSettingsFileAndLogsItsPath()
    {
        await using var watcher = DotnetRun.Start(DotnetRun.FromReadme("--simulate"), ["--urls", "http://127.0.0.1:0"], maxLifetime: TimeSpan.FromMinutes(5));

        var line = await watcher.WaitForLineAsync(l => l.Contains("Settings files, read at start and watched for changes: ", StringComparison.Ordinal), Timeout, "the settings files");

        var files = line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..].Split(", ");
        Assert.Equal(Repository.File("appsettings.json"), files[0]);
        Assert.DoesNotContain(files, f => f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }
}
