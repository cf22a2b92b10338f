namespace Watcher.Simulator.Jobs;

/// <summary>
/// An organization's jobs in ListMailboxExportJobs order (newest start first, ties by JobId, ordinal), so that
/// a page costs a binary search plus the page. Callers hold the store's lock.
/// </summary>
internal sealed class JobTimeline
{
    // Kept in reverse list order, oldest first: jobs are mostly added with the newest start, so an insert is
    // usually an append, and bulk loads stay linear.
    private readonly List<JobRecord> _reversed = [];

    public void Add(JobRecord job) => _reversed.Insert(FirstIndexWhere(other => ListsBefore(other, job)), job);

    /// <summary>Removes the jobs that started before <paramref name="cutoff"/> (the oldest are at the front).</summary>
    public List<JobRecord> RemoveStartedBefore(DateTimeOffset cutoff)
    {
        var count = 0;
        while (count < _reversed.Count && _reversed[count].StartTime < cutoff)
        {
            count++;
        }

        var removed = _reversed.GetRange(0, count);
        _reversed.RemoveRange(0, count);
        return removed;
    }

    public List<JobRecord> Page(DateTimeOffset from, DateTimeOffset until, JobCursor? after, int count)
    {
        var untilTicks = until.UtcTicks;
        var end = FirstIndexWhere(j => j.StartTime.UtcTicks > untilTicks || (after is { } cursor && !IsAfter(j, cursor)));
        var page = new List<JobRecord>(Math.Min(count, end));
        for (var i = end - 1; i >= 0 && page.Count < count && _reversed[i].StartTime >= from; i--)
        {
            page.Add(_reversed[i]);
        }

        return page;
    }

    private static bool ListsBefore(JobRecord a, JobRecord b) =>
        a.StartTime.UtcTicks > b.StartTime.UtcTicks
        || (a.StartTime.UtcTicks == b.StartTime.UtcTicks && string.CompareOrdinal(a.JobId, b.JobId) < 0);

    private static bool IsAfter(JobRecord job, JobCursor cursor) =>
        job.StartTime.UtcTicks < cursor.StartTicks
        || (job.StartTime.UtcTicks == cursor.StartTicks && string.CompareOrdinal(job.JobId, cursor.JobId) > 0);

    /// <summary>Binary search for the first index whose job satisfies a predicate that is monotone in storage order.</summary>
    private int FirstIndexWhere(Func<JobRecord, bool> predicate)
    {
        int low = 0, high = _reversed.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (predicate(_reversed[middle]))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
