namespace Watcher.WorkMail.Client.Model;

/// <summary>One element of ListMailboxExportJobs' <c>Jobs</c>, as sent.</summary>
internal sealed class MailboxExportJob
{
    public string? JobId { get; set; }

    public string? EntityId { get; set; }

    public string? Description { get; set; }

    public string? S3BucketName { get; set; }

    public string? S3Path { get; set; }

    public int? EstimatedProgress { get; set; }

    public string? State { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }
}
