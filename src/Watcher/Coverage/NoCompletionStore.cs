namespace Watcher.Coverage;

/// <summary>
/// Completions in memory only, the latest of each mailbox, for a Watcher without <c>Watcher:Coverage:StorePath</c>:
/// they are lost on restart and come back only for the 7 days ListMailboxExportJobs shows.
/// </summary>
public sealed class NoCompletionStore : ICompletionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<MailboxKey, Completion> _completions = [];

    public string? Path => null;

    public CompletionStoreHealth Health => CompletionStoreHealth.Ok;

    public Task<bool> RecordAsync(Completion completion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completion);
        lock (_gate)
        {
            if (!completion.Supersedes(_completions.GetValueOrDefault(completion.Mailbox)))
            {
                return Task.FromResult(false);
            }

            _completions[completion.Mailbox] = completion;
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<Completion>> LoadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Completion>>([.. _completions.Values]);
        }
    }
}
