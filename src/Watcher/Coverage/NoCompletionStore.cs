using System.Collections.Concurrent;
using Watcher.Jobs;

namespace Watcher.Coverage;

/// <summary>
/// Completions in memory only, for a Watcher without <c>Watcher:Coverage:StorePath</c>: they are lost on restart and
/// come back only for the 7 days ListMailboxExportJobs shows.
/// </summary>
public sealed class NoCompletionStore : ICompletionStore
{
    private readonly ConcurrentDictionary<WatchedJobKey, Completion> _completions = new();

    public CompletionStoreHealth Health => CompletionStoreHealth.Ok;

    public Task<bool> RecordAsync(Completion completion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return Task.FromResult(_completions.TryAdd(new WatchedJobKey(completion.OrganizationId, completion.JobId), completion));
    }

    public Task<IReadOnlyList<Completion>> LoadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Completion>>([.. _completions.Values]);
}
