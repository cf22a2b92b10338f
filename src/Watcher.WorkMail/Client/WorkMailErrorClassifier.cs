using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Watcher.WorkMail.Credentials;

namespace Watcher.WorkMail.Client;

/// <summary>Gives any failure of a call the error code Watcher reports it under.</summary>
internal static class WorkMailErrorClassifier
{
    public static string ErrorCodeOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is AmazonUnmarshallingException)
        {
            // The SDK wraps everything thrown while the body is read, including the transport's own failures: a
            // connection closed or reset mid-body is a network failure, not a malformed answer.
            return IsTransportFailure(exception) ? WorkMailErrorCodes.Network
                : IsTimeout(exception) ? WorkMailErrorCodes.Timeout
                : WorkMailErrorCodes.MalformedResponse;
        }

        if (exception is AmazonServiceException { ErrorCode: { Length: > 0 } errorCode })
        {
            return errorCode;
        }

        if (IsTimeout(exception))
        {
            return WorkMailErrorCodes.Timeout;
        }

        if (IsTransportFailure(exception))
        {
            return WorkMailErrorCodes.Network;
        }

        if (CredentialsFailure.Find(exception) is not null)
        {
            return WorkMailErrorCodes.NoCredentials;
        }

        return WorkMailErrorCodes.Unknown;
    }

    private static bool IsTimeout(Exception exception) =>
        Find<TimeoutException>(exception) is not null || Find<OperationCanceledException>(exception) is not null;

    private static bool IsTransportFailure(Exception exception) =>
        Find<HttpRequestException>(exception) is not null
        || Find<IOException>(exception) is not null
        || Find<SocketException>(exception) is not null
        || Find<WebException>(exception) is not null;

    /// <summary>The first exception of type <typeparamref name="T"/> in the chain of inner exceptions.</summary>
    public static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
