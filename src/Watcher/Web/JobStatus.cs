using Watcher.Jobs;
using Watcher.WorkMail.Model;

namespace Watcher.Web;

/// <summary>
/// The state the status page shows for a job: WorkMail's four, plus two of Watcher's own for a job it has no
/// describe of yet, so that such a job is visible rather than missing.
/// </summary>
internal static class JobStatus
{
    /// <summary>The first poll has not finished yet.</summary>
    public const string Pending = "PENDING";

    /// <summary>Polled, but never answered with the job (for example a job ID that does not exist).</summary>
    public const string Unknown = "UNKNOWN";

    /// <summary>In the order the header counts them.</summary>
    public static readonly string[] All = [.. ExportJobStates.All, Pending, Unknown];

    public static string Of(ExportJobSnapshot job) => job switch
    {
        { Details: { } details } => ExportJobStates.Name(details.State),
        { PollAttempted: false } => Pending,
        _ => Unknown,
    };

    /// <summary>The CSS class that colours a state, e.g. <c>s-running</c>.</summary>
    public static string CssClass(string status) => "s-" + status.ToLowerInvariant();

    /// <summary>Rows needing attention come first: failed and unknown, then running, then the finished ones.</summary>
    public static int Rank(string status) => status switch
    {
        ExportJobStates.Failed => 0,
        Unknown => 1,
        ExportJobStates.Running => 2,
        Pending => 3,
        ExportJobStates.Cancelled => 4,
        _ => 5,
    };
}
