namespace Watcher.Coverage;

/// <summary>
/// The memory of completed exports. It never throws for a store that cannot be used: it keeps completions in memory
/// and says so in <see cref="Health"/>, so a broken disk never stops the rest of Watcher.
/// </summary>
public interface ICompletionStore
{
    CompletionStoreHealth Health { get; }

    /// <summary>Remembers a completion; recording the same (organization, job) again changes nothing. True if it was new.</summary>
    Task<bool> RecordAsync(Completion completion, CancellationToken cancellationToken = default);

    /// <summary>Every completion remembered, from earlier runs too when the store is durable.</summary>
    Task<IReadOnlyList<Completion>> LoadAsync(CancellationToken cancellationToken = default);
}
