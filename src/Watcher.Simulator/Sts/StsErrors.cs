using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Sts;

/// <summary>The error answers of the simulator's STS, with the codes of the real query-protocol service.</summary>
internal static class StsErrors
{
    public static AwsError Validation(string message) => new("ValidationError", message, 400);

    public static AwsError InvalidAction(string? action, string? version) =>
        new("InvalidAction", $"Could not find operation {action} for version {version}", 400);

    public static AwsError AccessDenied(string roleArn) =>
        new("AccessDenied", $"User is not authorized to perform: sts:AssumeRole on resource: {roleArn}", 403);

    public static AwsError InternalFailure() => new("InternalFailure", "An internal error occurred.", 500);

    /// <summary>STS names the SigV4 failures differently from the awsJson services.</summary>
    public static AwsError FromSignatureError(AwsError error) => error.Code switch
    {
        "MissingAuthenticationTokenException" => error with { Code = "MissingAuthenticationToken" },
        "UnrecognizedClientException" => error with { Code = "InvalidClientTokenId" },
        "InvalidSignatureException" => error with { Code = "SignatureDoesNotMatch" },
        "IncompleteSignatureException" => error with { Code = "IncompleteSignature" },
        "ExpiredTokenException" => error with { Code = "ExpiredToken" },
        _ => error,
    };
}
