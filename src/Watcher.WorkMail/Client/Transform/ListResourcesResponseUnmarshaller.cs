using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>Reads a ListResources response; members it does not know are skipped.</summary>
internal sealed class ListResourcesResponseUnmarshaller : JsonResponseUnmarshaller
{
    public static ListResourcesResponseUnmarshaller Instance { get; } = new();

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        var response = new ListResourcesResponse();
        var reader = new StreamingUtf8JsonReader(context.Stream);
        JsonMemberReader.ReadBodyStart(context, ref reader);
        try
        {
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("Resources", targetDepth, ref reader))
                {
                    response.Resources = JsonListReader.Read(context, ref reader, "Resources", ResourceUnmarshaller.Unmarshall);
                }
                else if (context.TestExpression("NextToken", targetDepth, ref reader))
                {
                    response.NextToken = JsonMemberReader.ReadString(context, ref reader, "NextToken");
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
