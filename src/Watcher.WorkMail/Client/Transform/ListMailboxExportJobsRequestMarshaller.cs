using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>Writes a ListMailboxExportJobs request.</summary>
internal sealed class ListMailboxExportJobsRequestMarshaller
    : IMarshaller<IRequest, ListMailboxExportJobsRequest>, IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public static ListMailboxExportJobsRequestMarshaller Instance { get; } = new();

    public IRequest Marshall(AmazonWebServiceRequest input) => Marshall((ListMailboxExportJobsRequest)input);

    public IRequest Marshall(ListMailboxExportJobsRequest input) =>
        AwsJsonRequestWriter.Create(input, WorkMailOperations.ListMailboxExportJobs, context =>
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
