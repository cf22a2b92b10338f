using System.Net;
using Amazon.Runtime;

namespace Watcher.WorkMail.Client.Model;

/// <summary>The organization must have a valid state to perform certain operations.</summary>
internal sealed class OrganizationStateException : AmazonWorkMailException
{
    public const string Code = WorkMailErrorCodes.OrganizationStateException;

    public OrganizationStateException()
    {
    }

    public OrganizationStateException(string message)
        : base(message)
    {
    }

    public OrganizationStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OrganizationStateException(
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
