namespace Watcher.WorkMail.Model;

/// <summary>The modeled values of MailboxExportJobState.</summary>
public enum ExportJobState
{
    Running,
    Completed,
    Failed,
    Cancelled,
}
