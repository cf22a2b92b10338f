namespace Watcher.Bench.Hosting;

/// <summary>The bytes the baseline endpoint serves; swapped whole, read without locking.</summary>
internal sealed class PrerenderedPayload
{
    private Snapshot _current = new([], "text/plain");

    public void Set(byte[] bytes, string contentType) => Volatile.Write(ref _current, new Snapshot(bytes, contentType));

    public (byte[] Bytes, string ContentType) Get()
    {
        var current = Volatile.Read(ref _current);
        return (current.Bytes, current.ContentType);
    }

    private sealed record Snapshot(byte[] Bytes, string ContentType);
}
