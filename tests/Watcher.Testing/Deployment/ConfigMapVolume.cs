using System.Globalization;
using Watcher.Testing.Processes;

namespace Watcher.Testing.Deployment;

/// <summary>
/// A folder laid out and updated exactly as the kubelet does a ConfigMap volume (its AtomicWriter): the files live
/// in a timestamped folder (<c>..2026_12_01_08_30_00.0123456789</c>), <c>..data</c> is a symlink to that folder, and
/// each file is a symlink to <c>..data/NAME</c>. An update writes a new timestamped folder, points a new symlink
/// <c>..data_tmp</c> at it, renames that over <c>..data</c> (one atomic step), and removes the old folder. The files'
/// own paths never change, which is why a watcher that follows a file's name never sees an update.
/// </summary>
public sealed class ConfigMapVolume : IDisposable
{
    private const string DataLink = "..data";

    private ConfigMapVolume(string path) => Path = path;

    /// <summary>The mount point: the folder the container sees.</summary>
    public string Path { get; }

    /// <param name="files">File name to content, like a ConfigMap's <c>data</c>.</param>
    public static ConfigMapVolume Create(IReadOnlyDictionary<string, string> files)
    {
        var volume = new ConfigMapVolume(Directory.CreateTempSubdirectory("watcher-configmap-").FullName);
        Write(volume.Path, files);
        return volume;
    }

    /// <summary>Updates the volume as the kubelet does when the ConfigMap changes.</summary>
    public void Update(IReadOnlyDictionary<string, string> files) => Write(Path, files);

    /// <summary>Replaces the whole folder: a new one in the same layout is built beside it, then renamed into its place.</summary>
    public void ReplaceFolder(IReadOnlyDictionary<string, string> files)
    {
        var next = Directory.CreateDirectory(Path + ".next").FullName;
        Write(next, files);
        var old = Path + ".old";
        Directory.Move(Path, old);
        Directory.Move(next, Path);
        Directory.Delete(old, recursive: true);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static void Write(string folder, IReadOnlyDictionary<string, string> files)
    {
        var data = System.IO.Path.Combine(folder, DataLink);
        var previous = Directory.Exists(data) ? new DirectoryInfo(data).LinkTarget : null;

        var stamp = TimeProvider.System.GetUtcNow().ToString("yyyy_MM_dd_HH_mm_ss", CultureInfo.InvariantCulture);
        var stamped = Directory.CreateDirectory(System.IO.Path.Combine(folder, $"..{stamp}.{Random.Shared.NextInt64(10_000_000_000):D10}"));
        foreach (var (name, content) in files)
        {
            File.WriteAllText(System.IO.Path.Combine(stamped.FullName, name), content);
        }

        var temporary = System.IO.Path.Combine(folder, "..data_tmp");
        Directory.CreateSymbolicLink(temporary, stamped.Name);

        // rename(2), as the kubelet's os.Rename: .NET's File.Move refuses a link to a folder.
        var renamed = ChildProcess.Run("mv", ["--no-target-directory", temporary, data], TimeSpan.FromSeconds(30));
        Assert.True(renamed.ExitCode == 0, $"mv {temporary} {data}: {renamed}");
        Assert.Equal(stamped.Name, new DirectoryInfo(data).LinkTarget);

        foreach (var name in files.Keys)
        {
            var link = System.IO.Path.Combine(folder, name);
            if (new FileInfo(link).LinkTarget is null)
            {
                File.CreateSymbolicLink(link, $"{DataLink}/{name}");
            }
        }

        foreach (var stale in Directory.EnumerateFileSystemEntries(folder).Select(System.IO.Path.GetFileName).OfType<string>()
                     .Where(n => !n.StartsWith("..", StringComparison.Ordinal) && !files.ContainsKey(n)))
        {
            File.Delete(System.IO.Path.Combine(folder, stale));
        }

        if (previous is not null && previous != stamped.Name)
        {
            Directory.Delete(System.IO.Path.Combine(folder, previous), recursive: true);
        }
    }
}
