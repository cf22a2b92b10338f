namespace Watcher.Simulator.Sts;

/// <summary>Temporary keys handed out by AssumeRole.</summary>
internal sealed record IssuedCredential(
    string AccessKeyId,
    string SecretAccessKey,
    string SessionToken,
    DateTimeOffset Expiration,
    string RoleArn,
    string AssumedRoleArn,
    string AssumedRoleId)
{
    // The generated ToString would print the secret and the token.
    public override string ToString() => $"IssuedCredential {{ AccessKeyId = {AccessKeyId}, AssumedRoleArn = {AssumedRoleArn} }}";
}
