namespace Watcher.Coverage;

/// <summary>Whether the completion store works, and if not, why, naming its path.</summary>
public sealed record CompletionStoreHealth(CompletionStoreStatus Status, string? Reason)
{
    public static CompletionStoreHealth Ok { get; } = new(CompletionStoreStatus.Ok, null);

    public static CompletionStoreHealth Unavailable(string reason) => new(CompletionStoreStatus.Unavailable, reason);
}
