namespace Watcher.Simulator.Jobs;

/// <summary>The MailboxExportJobState enum of the model.</summary>
internal static class JobStates
{
    public const string Running = "RUNNING";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
}
