namespace Watcher.Jobs;

/// <summary>What Watcher knows about one organization it discovers jobs in.</summary>
public sealed record OrganizationSnapshot(string OrganizationId)
{
    public string? Alias { get; init; }

    /// <summary>The region the organization is listed in.</summary>
    public required string Region { get; init; }

    public string? RoleArn { get; init; }

    public string? ExternalId { get; init; }

    /// <summary>True once a listing has finished, whether it succeeded or not.</summary>
    public bool PollAttempted { get; init; }

    /// <summary>True when the last listing went through every page.</summary>
    public bool LastPollSucceeded { get; init; }

    public DateTimeOffset? LastPollSuccessAt { get; init; }

    public string? LastErrorCode { get; init; }

    /// <summary>The wait since the last "does not exist" answer; null unless backing off.</summary>
    public TimeSpan? BackoffDelay { get; init; }

    /// <summary>Listings before this are skipped; null unless backing off.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>Jobs the last listing showed that <c>Watcher:MaxWatchedJobs</c> left unwatched.</summary>
    public int SkippedJobs { get; init; }

    // The external id guards against the confused-deputy problem; keep it out of logs.
    public override string ToString() => $"{OrganizationId} ({Alias ?? "no alias"}, {Region})";
}
