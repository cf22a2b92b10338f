using System.Net;
using Amazon.Runtime;

namespace Watcher.WorkMail.Client.Model;

/// <summary>The identifier supplied for the user, group, resource or job does not exist.</summary>
internal sealed class EntityNotFoundException : AmazonWorkMailException
{
    public const string Code = WorkMailErrorCodes.EntityNotFoundException;

    public EntityNotFoundException()
    {
    }

    public EntityNotFoundException(string message)
        : base(message)
    {
    }

    public EntityNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EntityNotFoundException(
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
