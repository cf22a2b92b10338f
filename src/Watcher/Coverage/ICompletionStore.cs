namespace Watcher.Coverage;

/// <summary>
/// The memory of completed exports. It never throws for a store that cannot be used: it keeps completions in memory
/// and says so in <see cref="Health"/>, so a broken disk never stops the rest of Watcher.
/// </summary>
public interface ICompletionStore
{
    /// <summary>The file completions are kept in; null when they are kept in memory only.</summary>
    string? Path { get; }

    CompletionStoreHealth Health { get; }

    /// <summary>
    /// Remembers a completion when it is its mailbox's latest; the same job again, or an earlier export of the mailbox,
    /// changes nothing. True if it became the latest.
    /// </summary>
    Task<bool> RecordAsync(Completion completion, CancellationToken cancellationToken = default);

    /// <summary>The latest completion of every mailbox remembered, from earlier runs too when the store is durable.</summary>
    Task<IReadOnlyList<Completion>> LoadAsync(CancellationToken cancellationToken = default);
}
