namespace Watcher.Simulator.Operations;

/// <summary>The operations the simulator serves, as named in X-Amz-Target.</summary>
internal static class WorkMailOperation
{
    public const string TargetPrefix = "WorkMailService.";
    public const string StartMailboxExportJob = nameof(StartMailboxExportJob);
    public const string DescribeMailboxExportJob = nameof(DescribeMailboxExportJob);
    public const string ListMailboxExportJobs = nameof(ListMailboxExportJobs);
    public const string CancelMailboxExportJob = nameof(CancelMailboxExportJob);
    public const string ListUsers = nameof(ListUsers);
    public const string ListResources = nameof(ListResources);
}
