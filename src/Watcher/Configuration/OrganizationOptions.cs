namespace Watcher.Configuration;

/// <summary>One entry of <c>Watcher:Organizations</c>: an organization whose export jobs are all discovered.</summary>
public sealed class OrganizationOptions
{
    public string OrganizationId { get; set; } = string.Empty;

    /// <summary>The organization's region; Watcher's own region when empty.</summary>
    public string? Region { get; set; }

    /// <summary>A role to assume through STS, for an organization in another account.</summary>
    public string? RoleArn { get; set; }

    /// <summary>Passed with the role assumption.</summary>
    public string? ExternalId { get; set; }

    /// <summary>A friendly name, exported on <c>workmail_organization_info</c>.</summary>
    public string? Alias { get; set; }
}
