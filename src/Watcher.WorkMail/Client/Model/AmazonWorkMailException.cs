using System.Net;
using Amazon.Runtime;

namespace Watcher.WorkMail.Client.Model;

/// <summary>Base of every error WorkMail answers; errors without a modeled type surface as this, with their code.</summary>
internal class AmazonWorkMailException : AmazonServiceException
{
    public AmazonWorkMailException()
    {
    }

    public AmazonWorkMailException(string message)
        : base(message)
    {
    }

    public AmazonWorkMailException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AmazonWorkMailException(
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
