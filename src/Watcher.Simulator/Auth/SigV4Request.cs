namespace Watcher.Simulator.Auth;

/// <summary>The parts of an HTTP request that SigV4 covers. <see cref="Headers"/> must be keyed case-insensitively.</summary>
internal sealed record SigV4Request(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    ReadOnlyMemory<byte> Body)
{
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var values) && values.Count > 0 ? string.Join(",", values) : null;
}
