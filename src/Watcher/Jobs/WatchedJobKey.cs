namespace Watcher.Jobs;

/// <summary>Identifies one watched export job.</summary>
public readonly record struct WatchedJobKey(string OrganizationId, string JobId)
{
    public override string ToString() => $"{OrganizationId}/{JobId}";
}
