using System.Text.Json;

namespace Watcher.Simulator.Protocol;

/// <summary>Writes job views as the model's DescribeMailboxExportJobResponse and MailboxExportJob shapes, omitting nulls.</summary>
internal static class JobViewWriter
{
    public static void WriteDescribeResponse(Utf8JsonWriter writer, SimulatedJobView job)
    {
        writer.WriteStartObject();
        WriteString(writer, "EntityId", job.EntityId);
        WriteString(writer, "Description", job.Description);
        WriteString(writer, "RoleArn", job.RoleArn);
        WriteString(writer, "KmsKeyArn", job.KmsKeyArn);
        WriteString(writer, "S3BucketName", job.S3BucketName);
        WriteString(writer, "S3Prefix", job.S3Prefix);
        WriteString(writer, "S3Path", job.S3Path);
        writer.WriteNumber("EstimatedProgress", job.EstimatedProgress);
        WriteString(writer, "State", job.State);
        WriteString(writer, "ErrorInfo", job.ErrorInfo);
        WriteTimestamp(writer, "StartTime", job.StartTime);
        WriteTimestamp(writer, "EndTime", job.EndTime);
        writer.WriteEndObject();
    }

    public static void WriteListEntry(Utf8JsonWriter writer, SimulatedJobView job)
    {
        writer.WriteStartObject();
        WriteString(writer, "JobId", job.JobId);
        WriteString(writer, "EntityId", job.EntityId);
        WriteString(writer, "Description", job.Description);
        WriteString(writer, "S3BucketName", job.S3BucketName);
        WriteString(writer, "S3Path", job.S3Path);
        writer.WriteNumber("EstimatedProgress", job.EstimatedProgress);
        WriteString(writer, "State", job.State);
        WriteTimestamp(writer, "StartTime", job.StartTime);
        WriteTimestamp(writer, "EndTime", job.EndTime);
        writer.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(EpochSeconds.Format(time), skipInputValidation: true);
        }
    }
}
