namespace Watcher.WorkMail.Model;

/// <summary>What DescribeMailboxExportJob returns for one job.</summary>
public sealed record ExportJobDetails(
    string OrganizationId,
    string JobId,
    string? EntityId,
    string? Description,
    string? RoleArn,
    string? KmsKeyArn,
    string? S3BucketName,
    string? S3Prefix,
    string? S3Path,
    int EstimatedProgress,
    ExportJobState State,
    string? ErrorInfo,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime);
