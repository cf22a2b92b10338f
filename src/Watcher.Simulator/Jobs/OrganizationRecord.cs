namespace Watcher.Simulator.Jobs;

/// <summary>An organization and its jobs. Callers hold the store's lock.</summary>
internal sealed class OrganizationRecord(string organizationId, string? alias)
{
    public string OrganizationId { get; } = organizationId;

    public string? Alias { get; } = alias;

    public bool Active { get; set; } = true;

    public Dictionary<string, JobRecord> Jobs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> JobIdsByClientToken { get; } = new(StringComparer.Ordinal);
}
