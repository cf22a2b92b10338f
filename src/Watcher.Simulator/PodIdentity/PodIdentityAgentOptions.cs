namespace Watcher.Simulator;

/// <summary>Settings of one <see cref="PodIdentityAgent"/>.</summary>
public sealed class PodIdentityAgentOptions
{
    /// <summary>The service account token the agent expects in the Authorization header, exactly as the SDK reads it
    /// from <c>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE</c>.</summary>
    public required string Token { get; init; }

    /// <summary>The role of the pod identity association; names the issued session as AssumeRole's do.</summary>
    public string RoleArn { get; init; } = "arn:aws:iam::111122223333:role/watcher-pod-identity";

    /// <summary>How long issued credentials stay valid, on the simulator's clock.</summary>
    public TimeSpan CredentialLifetime { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Kestrel listen URL (http only); port 0 picks a free port.</summary>
    public string ListenUrl { get; init; } = "http://127.0.0.1:0";
}
