namespace Watcher.Jobs;

/// <summary>What folding one organization's listing into the watched jobs decided, and what it still owes.</summary>
/// <param name="Listed">Distinct jobs the listing showed.</param>
/// <param name="Added">Jobs that started being watched.</param>
/// <param name="Skipped">New jobs <c>Watcher:MaxWatchedJobs</c> left unwatched.</param>
/// <param name="Dropped">Terminal jobs dropped once their retention had passed.</param>
/// <param name="OwedDescribes">Listed jobs that still need a describe (S3Prefix, ARNs, ErrorInfo).</param>
/// <param name="Unlisted">Watched jobs the listing no longer shows that must be described directly.</param>
public sealed record ListingPlan(
    int Listed,
    int Added,
    int Skipped,
    int Dropped,
    IReadOnlyList<WatchedJobKey> OwedDescribes,
    IReadOnlyList<WatchedJobKey> Unlisted);
