using System.Buffers;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>The awsJson1_1 envelope every WorkMail operation shares: <c>POST /</c>, a target header and a JSON body.</summary>
internal static class AwsJsonRequestWriter
{
    public const string ServiceName = "Amazon.WorkMail";

    public const string TargetPrefix = "WorkMailService";

    public const string ContentType = "application/x-amz-json-1.1";

    public const string ApiVersion = "2017-10-01";

    public static IRequest Create(AmazonWebServiceRequest publicRequest, string operation, Action<JsonMarshallerContext> writeMembers)
    {
        var request = new DefaultRequest(publicRequest, ServiceName);
        request.Headers["X-Amz-Target"] = $"{TargetPrefix}.{operation}";
        request.Headers["Content-Type"] = ContentType;
        request.Headers[Amazon.Util.HeaderKeys.XAmzApiVersion] = ApiVersion;
        request.HttpMethod = "POST";
        request.ResourcePath = "/";

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(new JsonMarshallerContext(request, writer));
            writer.WriteEndObject();
            writer.Flush();
        }

        // SigV4 hashes the payload, so the content must be a byte array rather than a stream.
        request.Content = buffer.WrittenSpan.ToArray();
        return request;
    }
}
