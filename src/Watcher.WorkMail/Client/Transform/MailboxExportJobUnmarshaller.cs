using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>Reads one element of <c>Jobs</c>; members it does not know are skipped.</summary>
internal static class MailboxExportJobUnmarshaller
{
    /// <summary>Reads the element that starts at the next token; <paramref name="path"/> names it in errors.</summary>
    public static MailboxExportJob? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, string path)
    {
        context.Read(ref reader);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonMemberReader.WrongType(path, "an object", reader.TokenType);
        }

        var job = new MailboxExportJob();
        var targetDepth = context.CurrentDepth;
        while (context.ReadAtDepth(targetDepth, ref reader))
        {
            if (context.TestExpression("JobId", targetDepth, ref reader))
            {
                job.JobId = JsonMemberReader.ReadString(context, ref reader, path + ".JobId");
            }
            else if (context.TestExpression("EntityId", targetDepth, ref reader))
            {
                job.EntityId = JsonMemberReader.ReadString(context, ref reader, path + ".EntityId");
            }
            else if (context.TestExpression("Description", targetDepth, ref reader))
            {
                job.Description = JsonMemberReader.ReadString(context, ref reader, path + ".Description");
            }
            else if (context.TestExpression("S3BucketName", targetDepth, ref reader))
            {
                job.S3BucketName = JsonMemberReader.ReadString(context, ref reader, path + ".S3BucketName");
            }
            else if (context.TestExpression("S3Path", targetDepth, ref reader))
            {
                job.S3Path = JsonMemberReader.ReadString(context, ref reader, path + ".S3Path");
            }
            else if (context.TestExpression("EstimatedProgress", targetDepth, ref reader))
            {
                job.EstimatedProgress = JsonMemberReader.ReadInt32(context, ref reader, path + ".EstimatedProgress");
            }
            else if (context.TestExpression("State", targetDepth, ref reader))
            {
                job.State = JsonMemberReader.ReadString(context, ref reader, path + ".State");
            }
            else if (context.TestExpression("StartTime", targetDepth, ref reader))
            {
                job.StartTime = JsonMemberReader.ReadEpochSeconds(context, ref reader, path + ".StartTime");
            }
            else if (context.TestExpression("EndTime", targetDepth, ref reader))
            {
                job.EndTime = JsonMemberReader.ReadEpochSeconds(context, ref reader, path + ".EndTime");
            }
        }

        return job;
    }
}
