namespace Watcher.WorkMail.Model;

/// <summary>One entry of ListMailboxExportJobs. It lacks ErrorInfo, S3Prefix, RoleArn and KmsKeyArn.</summary>
public sealed record ExportJobSummary(
    string JobId,
    string? EntityId,
    string? Description,
    string? S3BucketName,
    string? S3Path,
    int EstimatedProgress,
    ExportJobState State,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime);
