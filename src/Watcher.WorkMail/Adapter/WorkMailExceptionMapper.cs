using System.Net.Sockets;
using Amazon.Runtime;
using Watcher.WorkMail.Client;
using Watcher.WorkMail.Client.Transform;
using Watcher.WorkMail.Credentials;
using Watcher.WorkMail.Roles;

namespace Watcher.WorkMail.Adapter;

/// <summary>
/// Turns whatever the SDK threw into a <see cref="WorkMailException"/>. Messages are built here from codes,
/// statuses and member names; the SDK's own client-side messages are not copied, so nothing secret leaks.
/// </summary>
internal static class WorkMailExceptionMapper
{
    public static WorkMailException Map(string operation, Exception exception)
    {
        // A failed AssumeRole never reached WorkMail: report STS's code, and the role rather than the operation's answer.
        if (WorkMailErrorClassifier.Find<AssumeRoleException>(exception) is { } assumeRole)
        {
            return new WorkMailException(assumeRole.ErrorCode, $"{operation} failed: {assumeRole.Message}", assumeRole.StatusCode, exception)
            {
                CredentialsFailed = true,
            };
        }

        var errorCode = WorkMailErrorClassifier.ErrorCodeOf(exception);

        // IRSA's web identity credentials come from STS too: like a failed AssumeRole, the call never reached WorkMail.
        // The SDK's message names the role and carries no secret.
        if (CredentialsFailure.Find(exception) is { Source: WorkMailCredentialSources.WebIdentity } webIdentity)
        {
            return new WorkMailException(errorCode, $"{operation} failed before it was sent: getting web identity credentials from STS failed ({webIdentity.Exception.Message}): {errorCode}.", null, exception)
            {
                CredentialsFailed = true,
                FailedCredentialSource = WorkMailCredentialSources.WebIdentity,
            };
        }

        // So do the Pod Identity agent's and an ECS endpoint's: the SDK keeps only the innermost message (an HTTP
        // status, a missing token file), which names neither the token nor the keys.
        if (CredentialsFailure.Find(exception) is { Source: WorkMailCredentialSources.PodIdentity or WorkMailCredentialSources.Container } container)
        {
            var endpoint = WorkMailCredentialSources.ContainerEndpoint().Endpoint;
            return new WorkMailException(errorCode, $"{operation} failed before it was sent: getting credentials from {endpoint} failed ({container.Exception.Message}): {errorCode}.", null, exception)
            {
                CredentialsFailed = true,
                FailedCredentialSource = container.Source,
            };
        }

        var status = exception is AmazonServiceException { StatusCode: var code } && code != 0 ? (int)code : (int?)null;
        var message = errorCode switch
        {
            WorkMailErrorCodes.MalformedResponse => MalformedMessage(operation, exception),
            WorkMailErrorCodes.Timeout => $"{operation} timed out.",
            WorkMailErrorCodes.Network => NetworkMessage(operation, exception),
            WorkMailErrorCodes.NoCredentials => $"{operation} failed: no AWS credentials could be resolved from the default chain.",
            WorkMailErrorCodes.Unknown => UnknownMessage(operation, exception, status),
            _ => $"{operation} failed with {errorCode}{StatusText(status)}: {(exception as AmazonServiceException)?.Message}",
        };
        return new WorkMailException(errorCode, message, status, exception);
    }

    private static string NetworkMessage(string operation, Exception exception)
    {
        var detail = WorkMailErrorClassifier.Find<HttpRequestException>(exception)?.HttpRequestError.ToString()
            ?? WorkMailErrorClassifier.Find<HttpIOException>(exception)?.HttpRequestError.ToString()
            ?? WorkMailErrorClassifier.Find<SocketException>(exception)?.SocketErrorCode.ToString()
            ?? "connection error";
        var stage = exception is AmazonUnmarshallingException ? " while reading the response body" : "";
        return $"{operation} failed on the network{stage}: {detail}.";
    }

    private static string MalformedMessage(string operation, Exception exception)
    {
        if (WorkMailErrorClassifier.Find<MalformedMemberException>(exception) is { } member)
        {
            return $"The {operation} response is malformed: {member.Message}";
        }

        var location = (exception as AmazonUnmarshallingException)?.LastKnownLocation;
        return string.IsNullOrEmpty(location)
            ? $"The {operation} response is not valid JSON."
            : $"The {operation} response is not valid JSON (near member {location}).";
    }

    // Client-side SDK errors (endpoint rules, configuration) say what is wrong and carry no secrets.
    private static string UnknownMessage(string operation, Exception exception, int? status) => exception switch
    {
        AmazonClientException client => $"{operation} failed: {client.Message}",
        _ => $"{operation} failed: {exception.GetType().Name}{StatusText(status)}.",
    };

    private static string StatusText(int? status) => status is { } value ? $" (HTTP {value})" : string.Empty;
}
