using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Watcher.Coverage;

/// <summary>
/// Says in words why a store path cannot be used. SQLite alone answers "unable to open database file" for a folder,
/// a missing parent and a permission problem alike, so the common causes are checked before it is asked.
/// </summary>
public static class StorePathCheck
{
    /// <summary>What is wrong with <paramref name="path"/> before SQLite opens it, or null when nothing is seen.</summary>
    public static string? Problem(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"{path} is a folder, not a file; name a file inside it, such as {Path.Combine(path, "coverage.db")}";
        }

        var folder = Path.GetDirectoryName(full);
        if (string.IsNullOrEmpty(folder))
        {
            return null;
        }

        if (File.Exists(folder))
        {
            return $"the folder of {path}, {folder}, is a file";
        }

        if (!Directory.Exists(folder))
        {
            return $"the folder of {path}, {folder}, does not exist";
        }

        // WAL mode creates the -wal and -shm files beside the database, so the folder must be writable even when the
        // database file already exists.
        try
        {
            var probe = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(full)}.{Environment.ProcessId}.probe"));
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return $"the folder of {path}, {folder}, is not writable by this user: {ex.Message}";
        }

        return null;
    }

    /// <summary>An error from SQLite about <paramref name="path"/>, in words.</summary>
    public static string Describe(string path, SqliteException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var cause = (exception.SqliteErrorCode & 0xFF) switch
        {
            8 => "is read-only",
            11 or 26 => "is not a SQLite database, or is corrupt",
            13 => "cannot grow: the disk is full",
            14 => "could not be opened",
            10 => "could not be read or written (an I/O error)",
            _ => "could not be used",
        };
        return $"{path} {cause} ({exception.Message})";
    }
}
