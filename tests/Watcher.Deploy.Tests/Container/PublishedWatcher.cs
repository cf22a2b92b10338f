using Watcher.Testing;
using Watcher.Testing.Processes;

namespace Watcher.Deploy.Tests.Container;

/// <summary>
/// One Native AOT publish with eng/publish.sh (about two minutes), stamped with a version and revision as the
/// Dockerfile's build arguments stamp it, copied to a folder nobody can write to, and shared by the tests of a class.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PublishedWatcher : IDisposable
{
    public const string Version = "1.2.3-container.1";

    public const string Revision = "0123abc";

    public PublishedWatcher()
    {
        var output = Directory.CreateTempSubdirectory("watcher-publish-").FullName;
        var result = ChildProcess.Run("sh", [Repository.File("eng", "publish.sh"), output, "--version", Version, "--revision", Revision], TimeSpan.FromMinutes(10));
        Assert.True(result.ExitCode == 0, $"eng/publish.sh failed: {result}");

        // One native executable: no managed entry point, so no .NET runtime is needed in the image.
        Assert.True(File.Exists(Path.Combine(output, "watcher")), "eng/publish.sh produced no native watcher executable");
        Assert.False(File.Exists(Path.Combine(output, "watcher.dll")), "eng/publish.sh produced watcher.dll: not a Native AOT build");

        Folder = Directory.CreateTempSubdirectory("watcher-app-").FullName;
        foreach (var file in Directory.GetFiles(output, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Folder, Path.GetRelativePath(output, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            var executable = Path.GetFileName(file) == "watcher" ? UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : UnixFileMode.None;
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead | executable);
        }

        foreach (var dir in Directory.GetDirectories(Folder, "*", SearchOption.AllDirectories).Append(Folder))
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        Directory.Delete(output, recursive: true);
    }

    /// <summary>The read-only folder that holds the executable, as /app in the image.</summary>
    public string Folder { get; }

    public void Dispose()
    {
        // Read-only on purpose while the tests run; writable again so that it can go.
        foreach (var dir in Directory.GetDirectories(Folder, "*", SearchOption.AllDirectories).Append(Folder))
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(Folder, recursive: true);
    }
}
