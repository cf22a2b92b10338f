namespace Watcher.WorkMail;

/// <summary>The API operation names, as they appear in X-Amz-Target and in metrics.</summary>
public static class WorkMailOperations
{
    public const string DescribeMailboxExportJob = nameof(DescribeMailboxExportJob);

    public const string ListMailboxExportJobs = nameof(ListMailboxExportJobs);

    public const string ListUsers = nameof(ListUsers);

    public const string ListResources = nameof(ListResources);
}
