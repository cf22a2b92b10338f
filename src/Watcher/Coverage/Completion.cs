namespace Watcher.Coverage;

/// <summary>One COMPLETED export job: which mailbox was exported, when it finished and where the export went.</summary>
public sealed record Completion(
    string OrganizationId,
    string EntityId,
    string JobId,
    DateTimeOffset EndTime,
    string S3BucketName,
    string S3Path,
    string? Description)
{
    public MailboxKey Mailbox => new(OrganizationId, EntityId);

    /// <summary>Whether this completion tells more about its mailbox than <paramref name="known"/>: it is a later export.</summary>
    public bool Supersedes(Completion? known) => known is null || (known.JobId != JobId && EndTime > known.EndTime);
}
