using System.Text.Json;

namespace Watcher.Simulator.Protocol;

/// <summary>Writes awsJson 1.1 answers: the operation's payload, or <c>{"__type", "Message"}</c> for errors.</summary>
internal static class AwsJsonResponse
{
    public const string ContentType = "application/x-amz-json-1.1";

    public static async Task WriteAsync(HttpContext context, int statusCode, AwsError? error, byte[]? payload)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (error is not null)
        {
            response.Headers["x-amzn-ErrorType"] = error.Code;
            payload = ErrorBody(error);
        }

        response.ContentLength = payload!.Length;
        await response.Body.WriteAsync(payload, context.RequestAborted);
    }

    private static byte[] ErrorBody(AwsError error)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", error.TypeName);
            writer.WriteString("Message", error.Message);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
