namespace Watcher.Simulator;

/// <summary>One request the simulator received and what it answered.</summary>
/// <param name="Operation">For WorkMail, from X-Amz-Target, without the "WorkMailService." prefix, empty when absent; for
/// STS requests, the form's Action (e.g. <c>AssumeRole</c>).</param>
/// <param name="ErrorCode">The error code answered, without the <c>com.amazonaws.workmail#</c> prefix; null on success.</param>
/// <param name="AccessKeyId">From the Authorization header's credential scope.</param>
public sealed record SimulatorRequest(
    string Operation,
    string? Target,
    string? ContentType,
    string Body,
    string? OrganizationId,
    int StatusCode,
    string? ErrorCode,
    string? AccessKeyId,
    bool SignatureValid)
{
    /// <summary>The assumed-role ARN (<c>arn:aws:sts::…:assumed-role/…</c>) when the signing key was issued by
    /// AssumeRole; null for the configured keys and for unsigned or unknown keys.</summary>
    public string? AssumedRoleArn { get; init; }

    /// <summary>The region of the request's credential scope once the signature is verified (the primary or an
    /// additional region); null when the signature was missing or rejected.</summary>
    public string? Region { get; init; }

    /// <summary>The <see cref="SimulatorFaults.ResponseFault"/> that spoilt this (otherwise successful) answer;
    /// <see cref="Simulator.ResponseFault.None"/> when it was sent as it was.</summary>
    public ResponseFault ResponseFault { get; init; }
}
