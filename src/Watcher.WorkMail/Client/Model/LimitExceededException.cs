using System.Net;
using Amazon.Runtime;

namespace Watcher.WorkMail.Client.Model;

/// <summary>The request exceeds the limit of the resource.</summary>
internal sealed class LimitExceededException : AmazonWorkMailException
{
    public const string Code = WorkMailErrorCodes.LimitExceededException;

    public LimitExceededException()
    {
    }

    public LimitExceededException(string message)
        : base(message)
    {
    }

    public LimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LimitExceededException(
        string? message,
        Exception? innerException,
        ErrorType errorType,
        string? errorCode,
        string? requestId,
        HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
