using System.Collections.Concurrent;
using System.Collections.Immutable;
using Watcher.Jobs;

namespace Watcher.Metrics.Exposition;

/// <summary>
/// Encoded label sets of the watched jobs, keyed by job. An entry is valid for exactly the snapshot it was
/// rendered from, so a scrape never mixes two versions of a job. Scrapes share it without locks: two of them
/// rendering the same job at once both get a correct entry, and the last one written stays.
/// </summary>
internal sealed class JobLabelCache(bool includeArns)
{
    private readonly ConcurrentDictionary<WatchedJobKey, RenderedJob> _jobs = new();

    public int Count => _jobs.Count;

    public RenderedJob Get(ExportJobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _jobs.TryGetValue(job.Key, out var cached);
        if (cached is not null && ReferenceEquals(cached.Source, job))
        {
            return cached;
        }

        var rendered = RenderedJob.Render(job, cached, includeArns);
        _jobs[job.Key] = rendered;
        return rendered;
    }

    /// <summary>Forgets jobs that are no longer watched, once there are more entries than jobs.</summary>
    public void Trim(ImmutableDictionary<WatchedJobKey, ExportJobSnapshot> watched)
    {
        ArgumentNullException.ThrowIfNull(watched);
        if (_jobs.Count <= watched.Count)
        {
            return;
        }

        foreach (var key in _jobs.Keys)
        {
            if (!watched.ContainsKey(key))
            {
                _jobs.TryRemove(key, out _);
            }
        }
    }
}
