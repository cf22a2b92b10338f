namespace Watcher.Clients;

/// <summary>The bound on WorkMail calls in flight, shared by every client and view.</summary>
internal static class CallSlots
{
    public static async Task<T> WithSlotAsync<T>(this SemaphoreSlim slots, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            return await call();
        }
        finally
        {
            slots.Release();
        }
    }
}
