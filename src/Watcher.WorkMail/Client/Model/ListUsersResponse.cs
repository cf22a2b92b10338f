using Amazon.Runtime;

namespace Watcher.WorkMail.Client.Model;

/// <summary>The output of ListUsers, as sent.</summary>
internal sealed class ListUsersResponse : AmazonWebServiceResponse
{
    public List<User> Users { get; set; } = [];

    public string? NextToken { get; set; }
}
