using System.Security.Cryptography;
using Microsoft.Extensions.Configuration.Json;

namespace Watcher.Configuration;

/// <summary>
/// A JSON settings file read through its full path at every load, so a swapped symlink or a replaced folder is
/// followed. At start a file that is empty or not valid JSON throws, naming the file. On a reload such a file, or
/// one that has gone, keeps the data of the last good load (its <c>Logging</c> section too) and records the
/// <see cref="Problem"/>, which makes <see cref="Scheduling.WatchedJobsService"/> reject the reload: otherwise an
/// emptied file would leave only the environment's settings, which may well pass validation.
/// </summary>
public sealed class SettingsFileProvider(SettingsFileSource source) : JsonConfigurationProvider(source)
{
    private const string Missing = "missing";

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private bool _loaded;
    private bool _dataFromFile;
    private string? _loadedFingerprint;

    public string FullPath => source.FullPath;

    /// <summary>Why the last load kept the previous data, naming the file; null when it loaded.</summary>
    public string? Problem { get; private set; }

    /// <summary>Every key the file holds now, read at once (see <see cref="ConfigurationKeys"/>).</summary>
    internal IEnumerable<string> Keys => Data.Keys;

    /// <summary>Whether the file's content differs from what the last load read (or found missing).</summary>
    public bool HasChanged() => Fingerprint() != Volatile.Read(ref _loadedFingerprint);

    public override void Load()
    {
        var content = Read(out var state);
        Volatile.Write(ref _loadedFingerprint, content is null ? state : Convert.ToHexString(SHA256.HashData(content)));
        var problem = content is not null ? Parse(content) : state == Missing ? MissingProblem() : state;
        if (problem is not null && !_loaded)
        {
            throw new InvalidDataException(problem);
        }

        _loaded = true;
        Problem = problem;
    }

    private string? MissingProblem()
    {
        if (_dataFromFile)
        {
            return $"{FullPath} is missing";
        }

        if (!_loaded && !Source.Optional)
        {
            return $"{FullPath} was not found";
        }

        Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        return null;
    }

    private string? Parse(byte[] content)
    {
        if (content.AsSpan().TrimStart(Utf8Bom).Trim(" \t\r\n"u8).IsEmpty)
        {
            return $"{FullPath} is empty";
        }

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            Load(stream);
            _dataFromFile = true;
            return null;
        }
        catch (FormatException ex)
        {
            // The JSON reader's message says where: "... LineNumber: 3 | BytePositionInLine: 12."
            return $"{FullPath} is not valid JSON: {ex.InnerException?.Message ?? ex.Message}";
        }
    }

    private string Fingerprint() => Read(stream => Convert.ToHexString(SHA256.HashData(stream)), out var state) ?? state!;

    private byte[]? Read(out string? state) => Read(stream =>
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }, out state);

    /// <summary>What <paramref name="read"/> makes of the file, or null with <paramref name="state"/> saying why not: <see cref="Missing"/>, or why it cannot be read.</summary>
    private T? Read<T>(Func<FileStream, T> read, out string? state)
        where T : class
    {
        state = null;
        try
        {
            using var stream = File.OpenRead(FullPath);
            return read(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            state = Missing;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            state = $"{FullPath} cannot be read: {ex.Message}";
        }

        return null;
    }
}
