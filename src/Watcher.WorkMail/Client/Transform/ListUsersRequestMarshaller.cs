using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>Writes a ListUsers request.</summary>
internal sealed class ListUsersRequestMarshaller
    : IMarshaller<IRequest, ListUsersRequest>, IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public static ListUsersRequestMarshaller Instance { get; } = new();

    public IRequest Marshall(AmazonWebServiceRequest input) => Marshall((ListUsersRequest)input);

    public IRequest Marshall(ListUsersRequest input) =>
        AwsJsonRequestWriter.Create(input, WorkMailOperations.ListUsers, context =>
        {
            if (input.MaxResults is { } maxResults)
            {
                context.Writer.WriteNumber("MaxResults", maxResults);
            }

            if (input.NextToken is not null)
            {
                context.Writer.WriteString("NextToken", input.NextToken);
            }

            if (input.OrganizationId is not null)
            {
                context.Writer.WriteString("OrganizationId", input.OrganizationId);
            }
        });
}
