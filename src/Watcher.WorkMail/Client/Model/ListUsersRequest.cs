using Amazon.Runtime;

namespace Watcher.WorkMail.Client.Model;

/// <summary>The input of ListUsers; Filters are not modeled, Watcher lists everything.</summary>
internal sealed class ListUsersRequest : AmazonWebServiceRequest
{
    public string? OrganizationId { get; set; }

    public string? NextToken { get; set; }

    public int? MaxResults { get; set; }
}
