using Amazon.Runtime;

namespace Watcher.WorkMail.Client.Model;

/// <summary>The output of ListResources, as sent.</summary>
internal sealed class ListResourcesResponse : AmazonWebServiceResponse
{
    public List<Resource> Resources { get; set; } = [];

    public string? NextToken { get; set; }
}
