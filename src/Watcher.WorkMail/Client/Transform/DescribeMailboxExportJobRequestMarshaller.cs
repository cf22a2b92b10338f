using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>Writes a DescribeMailboxExportJob request.</summary>
internal sealed class DescribeMailboxExportJobRequestMarshaller
    : IMarshaller<IRequest, DescribeMailboxExportJobRequest>, IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public static DescribeMailboxExportJobRequestMarshaller Instance { get; } = new();

    public IRequest Marshall(AmazonWebServiceRequest input) => Marshall((DescribeMailboxExportJobRequest)input);

    public IRequest Marshall(DescribeMailboxExportJobRequest input) =>
        AwsJsonRequestWriter.Create(input, WorkMailOperations.DescribeMailboxExportJob, context =>
        {
            if (input.JobId is not null)
            {
                context.Writer.WriteString("JobId", input.JobId);
            }

            if (input.OrganizationId is not null)
            {
                context.Writer.WriteString("OrganizationId", input.OrganizationId);
            }
        });
}
