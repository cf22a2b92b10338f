using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>Turns an error response into the modeled exception for its <c>__type</c>, or the service's base exception.</summary>
internal static class WorkMailErrorUnmarshaller
{
    public static AmazonServiceException Unmarshall(JsonUnmarshallerContext context, Exception? innerException, HttpStatusCode statusCode)
    {
        ErrorResponse errorResponse;
        try
        {
            var reader = new StreamingUtf8JsonReader(context.Stream);
            errorResponse = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(context, ref reader);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or AmazonClientException or FormatException or OverflowException)
        {
            // A proxy's HTML page, a truncated body, or one whose __type or Message is not a readable string (the SDK's
            // reader throws AmazonClientException or, for invalid UTF-8, InvalidOperationException): keep the status,
            // which is what retries look at.
            errorResponse = new ErrorResponse { Type = ErrorType.Unknown };
        }

        return Create(errorResponse.Code, errorResponse.Message, innerException, errorResponse.Type, errorResponse.RequestId, statusCode);
    }

    public static AmazonWorkMailException Create(
        string? code,
        string? message,
        Exception? innerException,
        ErrorType errorType,
        string? requestId,
        HttpStatusCode statusCode) => code switch
    {
        InvalidParameterException.Code => new InvalidParameterException(message, innerException, errorType, code, requestId, statusCode),
        OrganizationNotFoundException.Code => new OrganizationNotFoundException(message, innerException, errorType, code, requestId, statusCode),
        OrganizationStateException.Code => new OrganizationStateException(message, innerException, errorType, code, requestId, statusCode),
        EntityNotFoundException.Code => new EntityNotFoundException(message, innerException, errorType, code, requestId, statusCode),
        LimitExceededException.Code => new LimitExceededException(message, innerException, errorType, code, requestId, statusCode),
        _ => new AmazonWorkMailException(message, innerException, errorType, code, requestId, statusCode),
    };
}
