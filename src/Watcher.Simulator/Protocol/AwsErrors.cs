namespace Watcher.Simulator.Protocol;

/// <summary>The error answers the simulator gives, with the codes and statuses of the real service.</summary>
internal static class AwsErrors
{
    public static AwsError InvalidParameter(string message) => new("InvalidParameterException", message, 400, Modeled: true);

    public static AwsError OrganizationNotFound(string organizationId) =>
        new("OrganizationNotFoundException", $"Organization {organizationId} does not exist.", 400, Modeled: true);

    public static AwsError OrganizationState(string organizationId) =>
        new("OrganizationStateException", $"Organization {organizationId} is not in a valid state for this operation.", 400, Modeled: true);

    public static AwsError EntityNotFound(string message) => new("EntityNotFoundException", message, 400, Modeled: true);

    public static AwsError LimitExceeded(string message) => new("LimitExceededException", message, 400, Modeled: true);

    public static AwsError Serialization(string message) => new("SerializationException", message, 400);

    public static AwsError UnknownOperation(string message) => new("UnknownOperationException", message, 400);

    public static AwsError Throttling() => new("ThrottlingException", "Rate exceeded", 400);

    public static AwsError InternalFailure() =>
        new("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500);

    public static AwsError ServiceUnavailable() =>
        new("ServiceUnavailable", "The request has failed due to a temporary failure of the server.", 503);

    public static AwsError MissingAuthenticationToken() => new("MissingAuthenticationTokenException", "Missing Authentication Token", 403);

    public static AwsError IncompleteSignature(string message) => new("IncompleteSignatureException", message, 403);

    public static AwsError InvalidSignature(string message) => new("InvalidSignatureException", message, 403);

    public static AwsError ExpiredToken() =>
        new("ExpiredTokenException", "The security token included in the request is expired", 403);

    public static AwsError AccessDenied(string operation) =>
        new("AccessDeniedException", $"User is not authorized to perform: workmail:{operation}", 403);

    public static AwsError UnrecognizedClient() =>
        new("UnrecognizedClientException", "The security token included in the request is invalid.", 403);
}
