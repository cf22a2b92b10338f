namespace Watcher.Polling;

/// <summary>
/// Polls of a job or organization that WorkMail says does not exist (<see cref="WorkMail.WorkMailErrorCodes.IsMissing"/>)
/// back off: the schedule keeps firing every PollInterval, but polls are skipped until the retry time, and the wait
/// doubles from PollInterval up to <c>Watcher:MaxBackoff</c> with each answer of the same kind. A success resets it. Throttling, 5xx and
/// transport errors never back off this way, so recovery after them takes at most one PollInterval.
/// </summary>
public static class PollBackoff
{
    /// <summary>The next wait: PollInterval at first, then twice the last one, never above max(PollInterval, MaxBackoff).</summary>
    public static TimeSpan NextDelay(TimeSpan? previous, TimeSpan pollInterval, TimeSpan maxBackoff)
    {
        var ceiling = maxBackoff > pollInterval ? maxBackoff : pollInterval;
        if (previous is not { } last)
        {
            return pollInterval;
        }

        var doubled = last.Ticks > ceiling.Ticks / 2 ? ceiling : last * 2;
        return doubled < pollInterval ? pollInterval : doubled;
    }

    /// <summary>
    /// Whether a poll at <paramref name="now"/> should call WorkMail. Half an interval of slack absorbs the
    /// scheduler's jitter, so that a retry due at a trigger's time is not pushed to the next one.
    /// </summary>
    public static bool IsDue(DateTimeOffset? retryAt, DateTimeOffset now, TimeSpan pollInterval) =>
        retryAt is not { } at || now + (pollInterval / 2) >= at;
}
