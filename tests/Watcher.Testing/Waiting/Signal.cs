namespace Watcher.Testing.Waiting;

/// <summary>
/// Something that happens again and again (a line printed, a poll finished, a timer created) that a waiter can
/// await. Take <see cref="Next"/> before checking the condition it may change, so no pulse falls in between.
/// </summary>
public sealed class Signal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Pulse"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
