namespace Watcher.Configuration;

/// <summary>One entry of <c>Watcher:Jobs</c>: the two inputs of DescribeMailboxExportJob.</summary>
public sealed class WatchedJobOptions
{
    public string OrganizationId { get; set; } = string.Empty;

    public string JobId { get; set; } = string.Empty;
}
