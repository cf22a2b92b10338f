namespace Watcher.Bench.Harness;

/// <summary>Where the harness writes results and finds the built Watcher binary.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Results => Path.Combine(Root, "bench", "results");

    /// <summary>The harness itself, started again in its child mode.</summary>
    public static string BenchDll => typeof(RepositoryPaths).Assembly.Location;

    /// <summary>Set by <c>--watcher PATH</c>: another build to start, e.g. a Native AOT executable.</summary>
    public static string? WatcherOverride { get; set; }

    /// <summary>The Release build of src/Watcher (built along with the harness), or the copy beside the harness.</summary>
    public static string WatcherDll
    {
        get
        {
            if (WatcherOverride is { } chosen)
            {
                return Path.GetFullPath(chosen);
            }

            var built = Path.Combine(Root, "src", "Watcher", "bin", "Release", "net10.0", "watcher.dll");
            return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, "watcher.dll");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Watcher.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
