using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Auth;

/// <param name="AssumedRoleArn">The assumed-role ARN when the key was issued by AssumeRole; null for the configured keys.</param>
internal sealed record SigV4Result(string? AccessKeyId, AwsError? Error, string? AssumedRoleArn = null)
{
    public bool IsValid => Error is null;

    /// <summary>The region of the verified credential scope; null unless the signature is valid.</summary>
    public string? Region { get; init; }
}
