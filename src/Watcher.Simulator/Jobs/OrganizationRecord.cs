namespace Watcher.Simulator.Jobs;

/// <summary>An organization, its jobs, users and resources. Callers hold the store's lock.</summary>
/// <param name="region">Null: the simulator's primary region, whatever it is configured to.</param>
internal sealed class OrganizationRecord(string organizationId, string? alias, string? region = null)
{
    public string OrganizationId { get; } = organizationId;

    public string? Alias { get; } = alias;

    public string? Region { get; } = region;

    public bool Active { get; set; } = true;

    public Dictionary<string, JobRecord> Jobs { get; } = new(StringComparer.Ordinal);

    /// <summary>The same jobs in list order, so that a page costs a binary search plus the page.</summary>
    public JobTimeline Timeline { get; } = new();

    public Dictionary<string, string> JobIdsByClientToken { get; } = new(StringComparer.Ordinal);

    /// <summary>ListUsers' entries, in id order; ids are stored, never null.</summary>
    public Mailboxes.EntityList<SimulatedUser> Users { get; } = new(user => user.Id!);

    /// <summary>ListResources' entries, in id order; ids are stored, never null.</summary>
    public Mailboxes.EntityList<SimulatedResource> Resources { get; } = new(resource => resource.Id!);

    public bool IsIn(string region, string primaryRegion) =>
        string.Equals(Region ?? primaryRegion, region, StringComparison.Ordinal);
}
