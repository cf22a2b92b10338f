using System.Net;
using Amazon.Runtime;

namespace Watcher.WorkMail.Client.Model;

/// <summary>The organization does not exist.</summary>
internal sealed class OrganizationNotFoundException : AmazonWorkMailException
{
    public const string Code = WorkMailErrorCodes.OrganizationNotFoundException;

    public OrganizationNotFoundException()
    {
    }

    public OrganizationNotFoundException(string message)
        : base(message)
    {
    }

    public OrganizationNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OrganizationNotFoundException(
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
