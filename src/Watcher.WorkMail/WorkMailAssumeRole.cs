namespace Watcher.WorkMail;

/// <summary>
/// An IAM role the client assumes through STS AssumeRole before calling WorkMail, e.g. to reach an organization in
/// another account. The SDK-style refreshing credentials renew the session before it expires.
/// </summary>
/// <param name="RoleArn">The role to assume, <c>arn:aws:iam::123456789012:role/Name</c>.</param>
/// <param name="ExternalId">Sent as AssumeRole's ExternalId when the role's trust policy asks for one.</param>
/// <param name="SessionName">RoleSessionName: shows in the target account's CloudTrail as the assumed-role session.</param>
public sealed record WorkMailAssumeRole(string RoleArn, string? ExternalId = null, string SessionName = "watcher")
{
    // The external id guards against the confused-deputy problem; keep it out of logs and exception messages.
    public override string ToString() =>
        $"WorkMailAssumeRole {{ RoleArn = {RoleArn}, SessionName = {SessionName}, HasExternalId = {ExternalId is not null} }}";
}
