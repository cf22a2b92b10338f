namespace Watcher.Clients;

/// <summary>WorkMail API calls over some span, with the calls that failed and the throttled retries inside them.</summary>
public readonly record struct ApiCounts(long Calls, long Errors, long Throttled)
{
    /// <summary>Failed calls per call; null when there were no calls, since 0 % of nothing would look healthy.</summary>
    public double? ErrorRatio => Calls == 0 ? null : (double)Errors / Calls;

    /// <summary>Throttled retries per call, as the WatcherThrottled alert computes it.</summary>
    public double? ThrottleRatio => Calls == 0 ? null : (double)Throttled / Calls;

    public ApiCounts Add(ApiCounts other) => new(Calls + other.Calls, Errors + other.Errors, Throttled + other.Throttled);
}
