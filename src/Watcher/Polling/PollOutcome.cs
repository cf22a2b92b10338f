namespace Watcher.Polling;

/// <summary>What one poll of a job means for its schedule.</summary>
public enum PollOutcome
{
    /// <summary>Keep polling.</summary>
    Continue,

    /// <summary>The job is terminal: its final values are recorded and it is never polled again.</summary>
    Terminal,

    /// <summary>The job is no longer watched.</summary>
    NotWatched,
}
