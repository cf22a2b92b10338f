using System.Text.Json;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Operations;

internal static class DescribeMailboxExportJob
{
    public static void Execute(JsonElement input, OperationContext context, Utf8JsonWriter output)
    {
        var members = new RequestMembers(input);
        var jobId = members.String("JobId", ModelShapes.MailboxExportJobId, required: true);
        var organizationId = members.String("OrganizationId", ModelShapes.OrganizationId, required: true);
        members.ThrowIfInvalid();

        Organizations.RequireActive(context, organizationId!);
        var job = context.Store.Describe(organizationId!, jobId!)
            ?? throw new AwsErrorException(AwsErrors.EntityNotFound($"Mailbox export job {jobId} was not found in organization {organizationId}."));
        JobViewWriter.WriteDescribeResponse(output, job);
    }
}
