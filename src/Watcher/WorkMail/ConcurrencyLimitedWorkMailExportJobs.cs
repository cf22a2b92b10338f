using Watcher.WorkMail.Model;

namespace Watcher.WorkMail;

/// <summary>Bounds how many WorkMail calls are in flight at once, across every poll.</summary>
internal sealed class ConcurrencyLimitedWorkMailExportJobs(IWorkMailExportJobs inner, int maxConcurrentCalls) : IWorkMailExportJobs, IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConcurrentCalls, maxConcurrentCalls);

    public Task<ExportJobDetails> DescribeExportJobAsync(string organizationId, string jobId, CancellationToken cancellationToken) =>
        WithSlotAsync(() => inner.DescribeExportJobAsync(organizationId, jobId, cancellationToken), cancellationToken);

    public Task<ExportJobPage> ListExportJobsAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
        WithSlotAsync(() => inner.ListExportJobsAsync(organizationId, nextToken, maxResults, cancellationToken), cancellationToken);

    public void Dispose()
    {
        _slots.Dispose();
        (inner as IDisposable)?.Dispose();
    }

    private async Task<T> WithSlotAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await call();
        }
        finally
        {
            _slots.Release();
        }
    }
}
