namespace Watcher.Simulator;

/// <summary>One credentials request the Pod Identity agent received and what it answered. Never carries the token.</summary>
/// <param name="At">When it arrived, on the simulator's clock.</param>
/// <param name="StatusCode">What the agent answered.</param>
/// <param name="AccessKeyId">The access key handed out; null when the agent refused.</param>
/// <param name="Expiration">When the handed-out credentials expire; null when the agent refused.</param>
public sealed record PodIdentityFetch(DateTimeOffset At, int StatusCode, string? AccessKeyId, DateTimeOffset? Expiration);
