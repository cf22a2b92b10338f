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

    /// <summary>Listed in <c>Watcher:Jobs</c>: watched whatever the listing says, and never dropped by retention or the limit.</summary>
    public bool IsConfigured { get; init; }

    /// <summary>When ListMailboxExportJobs last returned this job; null for a job only ever described.</summary>
    public DateTimeOffset? LastListedAt { get; init; }

    /// <summary>A describe that the listing cannot stand in for (S3Prefix, ARNs, ErrorInfo) is still owed.</summary>
    public bool NeedsDescribe { get; init; }

    /// <summary>The wait since the last "does not exist" answer; null unless backing off.</summary>
    public TimeSpan? BackoffDelay { get; init; }

    /// <summary>Polls before this are skipped; null unless backing off.</summary>
    public DateTimeOffset? RetryAt { get; init; }

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
        BackoffDelay = null,
        RetryAt = null,
    };

    /// <summary>
    /// Folds in a ListMailboxExportJobs entry. The listing lacks S3Prefix, the ARNs and ErrorInfo, so those
    /// stay as the last describe left them.
    /// </summary>
    public ExportJobSnapshot WithListing(ExportJobSummary summary, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var merged = Details is { } known
            ? known with
            {
                EntityId = summary.EntityId,
                Description = summary.Description,
                S3BucketName = summary.S3BucketName,
                S3Path = summary.S3Path,
                EstimatedProgress = summary.EstimatedProgress,
                State = summary.State,
                StartTime = summary.StartTime,
                EndTime = summary.EndTime,
            }
            : new ExportJobDetails(
                Key.OrganizationId, summary.JobId, summary.EntityId, summary.Description, RoleArn: null, KmsKeyArn: null,
                summary.S3BucketName, S3Prefix: null, summary.S3Path, summary.EstimatedProgress, summary.State, ErrorInfo: null,
                summary.StartTime, summary.EndTime);
        return WithSuccess(merged, now) with { LastListedAt = now };
    }

    public ExportJobSnapshot WithFailure(string errorCode, string errorMessage) => this with
    {
        PollAttempted = true,
        LastPollSucceeded = false,
        LastErrorCode = errorCode,
        LastErrorMessage = errorMessage,
    };
}
