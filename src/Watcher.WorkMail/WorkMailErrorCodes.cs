using System.Collections.Frozen;

namespace Watcher.WorkMail;

/// <summary>
/// The error codes Watcher reports (<see cref="WorkMailException.ErrorCode"/>, the <c>error_code</c> label, the logs)
/// and the kind of failure each one is. AWS's own codes appear here only where Watcher treats them specially; any other
/// AWS code passes through as it came. The alert rules match the same sets (a test in Watcher.Deploy.Tests checks).
/// </summary>
public static class WorkMailErrorCodes
{
    public const string ThrottlingException = "ThrottlingException";
    public const string TooManyRequestsException = "TooManyRequestsException";
    public const string LimitExceededException = "LimitExceededException";
    public const string RequestLimitExceeded = "RequestLimitExceeded";

    public const string EntityNotFoundException = "EntityNotFoundException";
    public const string OrganizationNotFoundException = "OrganizationNotFoundException";
    public const string OrganizationStateException = "OrganizationStateException";
    public const string InvalidParameterException = "InvalidParameterException";

    // WorkMail spells these with an Exception suffix, STS without.
    public const string AccessDeniedException = "AccessDeniedException";
    public const string AccessDenied = "AccessDenied";
    public const string ExpiredTokenException = "ExpiredTokenException";
    public const string ExpiredToken = "ExpiredToken";
    public const string UnrecognizedClientException = "UnrecognizedClientException";
    public const string InvalidClientTokenId = "InvalidClientTokenId";
    public const string InvalidSignatureException = "InvalidSignatureException";
    public const string SignatureDoesNotMatch = "SignatureDoesNotMatch";

    /// <summary>No credentials could be resolved from the default chain, or the source it found could not hand any out.</summary>
    public const string NoCredentials = "NoCredentials";

    /// <summary>The request timeout elapsed.</summary>
    public const string Timeout = "Timeout";

    /// <summary>The connection was refused, reset or otherwise broken.</summary>
    public const string Network = "Network";

    /// <summary>The service answered, but the body could not be read as the model describes it.</summary>
    public const string MalformedResponse = "MalformedResponse";

    /// <summary>Anything else.</summary>
    public const string Unknown = "Unknown";

    /// <summary>Codes the SDK retries as throttling; the WatcherThrottled alert counts their retries.</summary>
    public static IReadOnlySet<string> Throttling { get; } = Set(ThrottlingException, TooManyRequestsException, LimitExceededException, RequestLimitExceeded);

    /// <summary>The thing polled is not there, or its organization is unusable; polls of it back off.</summary>
    public static IReadOnlySet<string> Missing { get; } = Set(EntityNotFoundException, OrganizationNotFoundException, OrganizationStateException);

    /// <summary>AWS rejected the credentials, or there were none; the WatcherCredentialsError alert counts these.</summary>
    public static IReadOnlySet<string> Credentials { get; } = Set(
        AccessDeniedException, AccessDenied, ExpiredTokenException, ExpiredToken, UnrecognizedClientException,
        InvalidClientTokenId, InvalidSignatureException, SignatureDoesNotMatch, NoCredentials);

    /// <summary>No usable answer came back from the service.</summary>
    public static IReadOnlySet<string> Transport { get; } = Set(Timeout, Network, MalformedResponse);

    public static bool IsThrottling(string? errorCode) => errorCode is not null && Throttling.Contains(errorCode);

    public static bool IsMissing(string? errorCode) => errorCode is not null && Missing.Contains(errorCode);

    public static bool IsCredentials(string? errorCode) => errorCode is not null && Credentials.Contains(errorCode);

    public static bool IsTransport(string? errorCode) => errorCode is not null && Transport.Contains(errorCode);

    private static FrozenSet<string> Set(params string[] codes) => codes.ToFrozenSet(StringComparer.Ordinal);
}
