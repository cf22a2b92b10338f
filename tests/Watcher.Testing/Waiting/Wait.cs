using System.Diagnostics;

namespace Watcher.Testing.Waiting;

/// <summary>Waits on a condition instead of sleeping: it is checked again whenever what it depends on changes.</summary>
public static class Wait
{
    /// <summary>How often state with nothing to subscribe to (another process, an HTTP endpoint) is asked again.</summary>
    public static readonly TimeSpan DefaultEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Checks <paramref name="condition"/> now and at every pulse of <paramref name="changed"/>; fails the test,
    /// naming <paramref name="what"/>, if it does not hold within <paramref name="timeout"/>.
    /// </summary>
    public static async Task UntilAsync(Func<bool> condition, Signal changed, TimeSpan timeout, Func<string> what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(what);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var next = changed.Next;
            if (condition())
            {
                return;
            }

            var left = timeout - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero || await Task.WhenAny(next, Task.Delay(left)) != next)
            {
                Assert.True(condition(), $"Timed out after {timeout} waiting for {what()}");
                return;
            }
        }
    }

    /// <summary>
    /// For state that gives no signal when it changes (another process, an HTTP endpoint): asks
    /// <paramref name="probe"/> every <paramref name="every"/> until it returns a value, and fails the test,
    /// naming <paramref name="what"/>, if none comes within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<T> ForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, Func<string> what, TimeSpan? every = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(what);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(Stopwatch.GetElapsedTime(started) < timeout, $"Timed out after {timeout} waiting for {what()}");
            await Task.Delay(every ?? DefaultEvery);
        }
    }

    /// <summary>As <see cref="ForAsync{T}"/>, for a yes-or-no condition.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what, TimeSpan? every = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return ForAsync(async () => await condition() ? string.Empty : null, timeout, what, every);
    }
}
