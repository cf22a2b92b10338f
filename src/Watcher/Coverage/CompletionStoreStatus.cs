namespace Watcher.Coverage;

public enum CompletionStoreStatus
{
    /// <summary>Completions are kept as configured: in the store file, or in memory when no file is configured.</summary>
    Ok,

    /// <summary>The store file cannot be used; completions are kept in memory until it can.</summary>
    Unavailable,
}
