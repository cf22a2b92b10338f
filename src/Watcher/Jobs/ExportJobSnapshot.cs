using Watcher.WorkMail.Model;

namespace Watcher.Jobs;

/// <summary>
/// What Watcher knows about one job. Immutable: a poll produces a new snapshot, so a scrape always reads
/// a consistent one. After a failed poll the last good <see cref="Details"/> stay, since they are still the
/// best knowledge, and <see cref="LastPollSucceeded"/> says they are stale.
/// </summary>
public sealed record ExportJobSnapshot(WatchedJobKey Key)
{
    /// <summary>The last successful describe, or null before the first one.</summary>
    public ExportJobDetails? Details { get; init; }

    /// <summary>True once a poll has finished, whether it succeeded or not.</summary>
    public bool PollAttempted { get; init; }

    public bool LastPollSucceeded { get; init; }

    public DateTimeOffset? LastPollSuccessAt { get; init; }

    /// <summary>When Watcher last saw EstimatedProgress change; the first observation counts as a change.</summary>
    public DateTimeOffset? ProgressChangedAt { get; init; }

    /// <summary>The error code of the last failed poll, cleared by a success.</summary>
    public string? LastErrorCode { get; init; }

    public string? LastErrorMessage { get; init; }

    /// <summary>COMPLETED, FAILED and CANCELLED jobs never change again.</summary>
    public bool IsTerminal => Details is { State: not ExportJobState.Running };

    public ExportJobSnapshot WithSuccess(ExportJobDetails details, DateTimeOffset now) => this with
    {
        Details = details,
        PollAttempted = true,
        LastPollSucceeded = true,
        LastPollSuccessAt = now,
        ProgressChangedAt = Details?.EstimatedProgress == details.EstimatedProgress ? ProgressChangedAt ?? now : now,
        LastErrorCode = null,
        LastErrorMessage = null,
    };

    public ExportJobSnapshot WithFailure(string errorCode, string errorMessage) => this with
    {
        PollAttempted = true,
        LastPollSucceeded = false,
        LastErrorCode = errorCode,
        LastErrorMessage = errorMessage,
    };
}
