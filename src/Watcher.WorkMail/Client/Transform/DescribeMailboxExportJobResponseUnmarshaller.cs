using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>Reads a DescribeMailboxExportJob response; members it does not know are skipped.</summary>
internal sealed class DescribeMailboxExportJobResponseUnmarshaller : JsonResponseUnmarshaller
{
    public static DescribeMailboxExportJobResponseUnmarshaller Instance { get; } = new();

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        var response = new DescribeMailboxExportJobResponse();
        var reader = new StreamingUtf8JsonReader(context.Stream);
        JsonMemberReader.ReadBodyStart(context, ref reader);
        try
        {
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("EntityId", targetDepth, ref reader))
                {
                    response.EntityId = JsonMemberReader.ReadString(context, ref reader, "EntityId");
                }
                else if (context.TestExpression("Description", targetDepth, ref reader))
                {
                    response.Description = JsonMemberReader.ReadString(context, ref reader, "Description");
                }
                else if (context.TestExpression("RoleArn", targetDepth, ref reader))
                {
                    response.RoleArn = JsonMemberReader.ReadString(context, ref reader, "RoleArn");
                }
                else if (context.TestExpression("KmsKeyArn", targetDepth, ref reader))
                {
                    response.KmsKeyArn = JsonMemberReader.ReadString(context, ref reader, "KmsKeyArn");
                }
                else if (context.TestExpression("S3BucketName", targetDepth, ref reader))
                {
                    response.S3BucketName = JsonMemberReader.ReadString(context, ref reader, "S3BucketName");
                }
                else if (context.TestExpression("S3Prefix", targetDepth, ref reader))
                {
                    response.S3Prefix = JsonMemberReader.ReadString(context, ref reader, "S3Prefix");
                }
                else if (context.TestExpression("S3Path", targetDepth, ref reader))
                {
                    response.S3Path = JsonMemberReader.ReadString(context, ref reader, "S3Path");
                }
                else if (context.TestExpression("EstimatedProgress", targetDepth, ref reader))
                {
                    response.EstimatedProgress = JsonMemberReader.ReadInt32(context, ref reader, "EstimatedProgress");
                }
                else if (context.TestExpression("State", targetDepth, ref reader))
                {
                    response.State = JsonMemberReader.ReadString(context, ref reader, "State");
                }
                else if (context.TestExpression("ErrorInfo", targetDepth, ref reader))
                {
                    response.ErrorInfo = JsonMemberReader.ReadString(context, ref reader, "ErrorInfo");
                }
                else if (context.TestExpression("StartTime", targetDepth, ref reader))
                {
                    response.StartTime = JsonMemberReader.ReadEpochSeconds(context, ref reader, "StartTime");
                }
                else if (context.TestExpression("EndTime", targetDepth, ref reader))
                {
                    response.EndTime = JsonMemberReader.ReadEpochSeconds(context, ref reader, "EndTime");
                }
            }
        }
        catch (InvalidOperationException e)
        {
            throw JsonMemberReader.Unreadable(context, e);
        }

        return response;
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode) =>
        WorkMailErrorUnmarshaller.Unmarshall(context, innerException, statusCode);
}
