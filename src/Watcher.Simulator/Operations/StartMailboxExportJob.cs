using System.Text.Json;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Operations;

internal static class StartMailboxExportJob
{
    public static void Execute(JsonElement input, OperationContext context, Utf8JsonWriter output)
    {
        var members = new RequestMembers(input);
        var clientToken = members.String("ClientToken", ModelShapes.IdempotencyClientToken, required: true);
        var organizationId = members.String("OrganizationId", ModelShapes.OrganizationId, required: true);
        var entityId = members.String("EntityId", ModelShapes.EntityIdentifier, required: true);
        var description = members.String("Description", ModelShapes.Description, required: false);
        var roleArn = members.String("RoleArn", ModelShapes.RoleArn, required: true);
        var kmsKeyArn = members.String("KmsKeyArn", ModelShapes.KmsKeyArn, required: true);
        var bucket = members.String("S3BucketName", ModelShapes.S3BucketName, required: true);
        var prefix = members.String("S3Prefix", ModelShapes.S3ObjectKey, required: true);
        members.ThrowIfInvalid();

        Organizations.RequireActive(context, organizationId!);
        var job = new SimulatedJob
        {
            EntityId = entityId!,
            Description = description,
            RoleArn = roleArn!,
            KmsKeyArn = kmsKeyArn!,
            S3BucketName = bucket!,
            S3Prefix = prefix!,
            Duration = context.Options.StartedJobDuration,
        };
        var result = context.Store.Start(organizationId!, clientToken!, job, context.Options.MaxRunningJobsPerOrganization)
            ?? throw new AwsErrorException(AwsErrors.OrganizationNotFound(organizationId!));
        if (result.LimitExceeded)
        {
            throw new AwsErrorException(AwsErrors.LimitExceeded(
                $"The organization already runs the maximum of {context.Options.MaxRunningJobsPerOrganization} mailbox export jobs."));
        }

        output.WriteStartObject();
        output.WriteString("JobId", result.JobId);
        output.WriteEndObject();
    }
}
