using System.Text.Json;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Operations;

internal static class CancelMailboxExportJob
{
    public static void Execute(JsonElement input, OperationContext context, Utf8JsonWriter output)
    {
        var members = new RequestMembers(input);
        members.String("ClientToken", ModelShapes.IdempotencyClientToken, required: true);
        var jobId = members.String("JobId", ModelShapes.MailboxExportJobId, required: true);
        var organizationId = members.String("OrganizationId", ModelShapes.OrganizationId, required: true);
        members.ThrowIfInvalid();

        Organizations.RequireActive(context, organizationId!);
        if (context.Store.Describe(organizationId!, jobId!) is null)
        {
            throw new AwsErrorException(AwsErrors.EntityNotFound($"Mailbox export job {jobId} was not found in organization {organizationId}."));
        }

        // Cancelling a job that already ended succeeds and changes nothing: the operation is idempotent.
        context.Store.Cancel(organizationId!, jobId!);
        output.WriteStartObject();
        output.WriteEndObject();
    }
}
