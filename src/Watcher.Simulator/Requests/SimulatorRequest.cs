namespace Watcher.Simulator;

/// <summary>One request the simulator received and what it answered.</summary>
/// <param name="Operation">From X-Amz-Target, without the "WorkMailService." prefix; empty when absent.</param>
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
    bool SignatureValid);
