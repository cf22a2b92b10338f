using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Jobs;

internal static class SimulatedJobValidator
{
    // Seeded jobs must be valid per the model, or a client under test would see answers the real service never gives.
    public static void Validate(SimulatedJob job)
    {
        if (job.JobId is not null)
        {
            RequireValid(job.JobId, ModelShapes.MailboxExportJobId, nameof(SimulatedJob.JobId));
        }

        RequireValid(job.EntityId, ModelShapes.EntityIdentifier, nameof(SimulatedJob.EntityId));
        if (job.Description is not null)
        {
            RequireValid(job.Description, ModelShapes.Description, nameof(SimulatedJob.Description));
        }

        RequireValid(job.RoleArn, ModelShapes.RoleArn, nameof(SimulatedJob.RoleArn));
        RequireValid(job.KmsKeyArn, ModelShapes.KmsKeyArn, nameof(SimulatedJob.KmsKeyArn));
        RequireValid(job.S3BucketName, ModelShapes.S3BucketName, nameof(SimulatedJob.S3BucketName));
        RequireValid(job.S3Prefix, ModelShapes.S3ObjectKey, nameof(SimulatedJob.S3Prefix));
        if (job.ErrorInfo is not null)
        {
            RequireValid(job.ErrorInfo, ModelShapes.MailboxExportErrorInfo, nameof(SimulatedJob.ErrorInfo));
        }

        if (job.Duration < TimeSpan.Zero)
        {
            throw new ArgumentException($"Duration must not be negative, got {job.Duration}.");
        }

        if (job.OutcomeAtProgress is < 0 or > 100)
        {
            throw new ArgumentException($"OutcomeAtProgress must be 0..100, got {job.OutcomeAtProgress}.");
        }
    }

    public static void RequireValid(string? value, StringShape shape, string name)
    {
        if (value is null)
        {
            throw new ArgumentException($"{name} is required.");
        }

        var violation = shape.Violations(value).FirstOrDefault();
        if (violation is not null)
        {
            throw new ArgumentException($"{name} '{value}' is not valid: {violation}.");
        }
    }
}
