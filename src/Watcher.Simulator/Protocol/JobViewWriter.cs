using System.Text.Json;

namespace Watcher.Simulator.Protocol;

/// <summary>Writes job views as the model's DescribeMailboxExportJobResponse and MailboxExportJob shapes, omitting nulls.</summary>
internal static class JobViewWriter
{
    public static void WriteDescribeResponse(Utf8JsonWriter writer, SimulatedJobView job)
    {
        writer.WriteStartObject();
        ModelJsonWriter.WriteString(writer, "EntityId", job.EntityId);
        ModelJsonWriter.WriteString(writer, "Description", job.Description);
        ModelJsonWriter.WriteString(writer, "RoleArn", job.RoleArn);
        ModelJsonWriter.WriteString(writer, "KmsKeyArn", job.KmsKeyArn);
        ModelJsonWriter.WriteString(writer, "S3BucketName", job.S3BucketName);
        ModelJsonWriter.WriteString(writer, "S3Prefix", job.S3Prefix);
        ModelJsonWriter.WriteString(writer, "S3Path", job.S3Path);
        writer.WriteNumber("EstimatedProgress", job.EstimatedProgress);
        ModelJsonWriter.WriteString(writer, "State", job.State);
        ModelJsonWriter.WriteString(writer, "ErrorInfo", job.ErrorInfo);
        ModelJsonWriter.WriteTimestamp(writer, "StartTime", job.StartTime);
        ModelJsonWriter.WriteTimestamp(writer, "EndTime", job.EndTime);
        writer.WriteEndObject();
    }

    public static void WriteListEntry(Utf8JsonWriter writer, SimulatedJobView job)
    {
        writer.WriteStartObject();
        ModelJsonWriter.WriteString(writer, "JobId", job.JobId);
        ModelJsonWriter.WriteString(writer, "EntityId", job.EntityId);
        ModelJsonWriter.WriteString(writer, "Description", job.Description);
        ModelJsonWriter.WriteString(writer, "S3BucketName", job.S3BucketName);
        ModelJsonWriter.WriteString(writer, "S3Path", job.S3Path);
        writer.WriteNumber("EstimatedProgress", job.EstimatedProgress);
        ModelJsonWriter.WriteString(writer, "State", job.State);
        ModelJsonWriter.WriteTimestamp(writer, "StartTime", job.StartTime);
        ModelJsonWriter.WriteTimestamp(writer, "EndTime", job.EndTime);
        writer.WriteEndObject();
    }
}
