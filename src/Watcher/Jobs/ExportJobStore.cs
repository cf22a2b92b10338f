using System.Collections.Immutable;

namespace Watcher.Jobs;

/// <summary>
/// The latest snapshot of every watched job: a plain compare-and-swap map. <see cref="WatchedJobs"/> decides what
/// goes in; scrapes read <see cref="Current"/> without locking, so <c>/metrics</c> never waits on AWS or a poll.
/// </summary>
public sealed class ExportJobStore
{
    private ImmutableDictionary<WatchedJobKey, ExportJobSnapshot> _jobs = ImmutableDictionary<WatchedJobKey, ExportJobSnapshot>.Empty;

    public ImmutableDictionary<WatchedJobKey, ExportJobSnapshot> Current => Volatile.Read(ref _jobs);

    /// <summary>Starts watching <paramref name="key"/>; false if it was already watched.</summary>
    public bool Watch(WatchedJobKey key) => TryAdd(new ExportJobSnapshot(key));

    /// <summary>Starts watching a job with what is already known of it; false if it was already watched.</summary>
    public bool TryAdd(ExportJobSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return ImmutableInterlocked.TryAdd(ref _jobs, snapshot.Key, snapshot);
    }

    /// <summary>Stops watching <paramref name="key"/>; its series vanish from the next scrape.</summary>
    public bool Unwatch(WatchedJobKey key) => ImmutableInterlocked.TryRemove(ref _jobs, key, out _);

    public bool TryGet(WatchedJobKey key, out ExportJobSnapshot snapshot) => Current.TryGetValue(key, out snapshot!);

    /// <summary>
    /// Applies <paramref name="update"/> to a job that is still watched. A job unwatched while its poll
    /// was in flight stays unwatched.
    /// </summary>
    public bool TryUpdate(WatchedJobKey key, Func<ExportJobSnapshot, ExportJobSnapshot> update, out ExportJobSnapshot before, out ExportJobSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(update);
        while (true)
        {
            var jobs = Current;
            if (!jobs.TryGetValue(key, out before!))
            {
                after = before;
                return false;
            }

            after = update(before);
            if (Interlocked.CompareExchange(ref _jobs, jobs.SetItem(key, after), jobs) == jobs)
            {
                return true;
            }
        }
    }
}
