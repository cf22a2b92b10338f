namespace Watcher.Simulator;

/// <summary>A job as DescribeMailboxExportJob returns it at one moment. <see cref="State"/> is the wire value.</summary>
public sealed record SimulatedJobView(
    string JobId,
    string EntityId,
    string? Description,
    string RoleArn,
    string KmsKeyArn,
    string S3BucketName,
    string S3Prefix,
    string S3Path,
    int EstimatedProgress,
    string State,
    string? ErrorInfo,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime);
