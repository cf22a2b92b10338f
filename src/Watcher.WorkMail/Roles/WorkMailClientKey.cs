namespace Watcher.WorkMail.Roles;

/// <summary>What makes two cached clients different: where they sign, and as whom.</summary>
internal sealed record WorkMailClientKey(string Region, string? RoleArn, string? ExternalId)
{
    public static WorkMailClientKey Of(string region, WorkMailAssumeRole? role) => new(region, role?.RoleArn, role?.ExternalId);

    // The external id is part of the key but must not reach logs.
    public override string ToString() => $"WorkMailClientKey {{ Region = {Region}, RoleArn = {RoleArn} }}";
}
