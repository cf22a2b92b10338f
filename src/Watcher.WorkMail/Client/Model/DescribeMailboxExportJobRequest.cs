using Amazon.Runtime;

namespace Watcher.WorkMail.Client.Model;

/// <summary>The input of DescribeMailboxExportJob.</summary>
internal sealed class DescribeMailboxExportJobRequest : AmazonWebServiceRequest
{
    public string? OrganizationId { get; set; }

    public string? JobId { get; set; }
}
