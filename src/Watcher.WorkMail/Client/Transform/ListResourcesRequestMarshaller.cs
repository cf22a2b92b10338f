using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>Writes a ListResources request.</summary>
internal sealed class ListResourcesRequestMarshaller
    : IMarshaller<IRequest, ListResourcesRequest>, IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public static ListResourcesRequestMarshaller Instance { get; } = new();

    public IRequest Marshall(AmazonWebServiceRequest input) => Marshall((ListResourcesRequest)input);

    public IRequest Marshall(ListResourcesRequest input) =>
        AwsJsonRequestWriter.Create(input, WorkMailOperations.ListResources, context =>
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
