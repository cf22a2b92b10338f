using Amazon.Runtime;

namespace Watcher.WorkMail.Client.Model;

/// <summary>
/// The output of DescribeMailboxExportJob, as sent. Every member is optional in the model; the adapter decides
/// which ones Watcher cannot do without.
/// </summary>
internal sealed class DescribeMailboxExportJobResponse : AmazonWebServiceResponse
{
    public string? EntityId { get; set; }

    public string? Description { get; set; }

    public string? RoleArn { get; set; }

    public string? KmsKeyArn { get; set; }

    public string? S3BucketName { get; set; }

    public string? S3Prefix { get; set; }

    public string? S3Path { get; set; }

    public int? EstimatedProgress { get; set; }

    public string? State { get; set; }

    public string? ErrorInfo { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }
}
