namespace Watcher.Coverage;

/// <summary>One COMPLETED export job: which mailbox was exported, when it finished and where the export went.</summary>
public sealed record Completion(
    string OrganizationId,
    string EntityId,
    string JobId,
    DateTimeOffset EndTime,
    string S3BucketName,
    string S3Path,
    string? Description);
