namespace Watcher.WorkMail;

/// <summary>Fixed keys, for the simulator and for tests. Real deployments use the default chain.</summary>
public sealed record WorkMailStaticCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    // Keep the secret out of logs, exception messages and debugger views.
    public override string ToString() => $"WorkMailStaticCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
