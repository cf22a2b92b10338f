using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>Reads a ListUsers response; members it does not know are skipped.</summary>
internal sealed class ListUsersResponseUnmarshaller : JsonResponseUnmarshaller
{
    public static ListUsersResponseUnmarshaller Instance { get; } = new();

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        var response = new ListUsersResponse();
        var reader = new StreamingUtf8JsonReader(context.Stream);
        JsonMemberReader.ReadBodyStart(context, ref reader);
        try
        {
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("Users", targetDepth, ref reader))
                {
                    response.Users = JsonListReader.Read(context, ref reader, "Users", UserUnmarshaller.Unmarshall);
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
