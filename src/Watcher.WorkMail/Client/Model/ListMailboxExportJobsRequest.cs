using Amazon.Runtime;

namespace Watcher.WorkMail.Client.Model;

/// <summary>The input of ListMailboxExportJobs.</summary>
internal sealed class ListMailboxExportJobsRequest : AmazonWebServiceRequest
{
    public string? OrganizationId { get; set; }

    public string? NextToken { get; set; }

    public int? MaxResults { get; set; }
}
