using System.Collections.Immutable;

namespace Watcher.Coverage;

/// <summary>
/// One organization's coverage as of one scan. Immutable: a scan builds a new one and swaps it in whole, so a
/// scrape or the status page never sees half of one.
/// </summary>
public sealed record OrganizationCoverage(
    string OrganizationId,
    DateTimeOffset ScannedAt,
    ImmutableArray<MailboxCoverage> Mailboxes,
    int Exported,
    int CompletedLast7Days)
{
    /// <summary>The window of the export pace, the same 7 days ListMailboxExportJobs shows.</summary>
    public static readonly TimeSpan PaceWindow = TimeSpan.FromDays(7);

    public int Unexported => Mailboxes.Length - Exported;

    /// <summary>Distinct counted mailboxes with a completion in the last 7 days, per day.</summary>
    public double CompletionsPerDay => CompletedLast7Days / PaceWindow.TotalDays;

    /// <summary>
    /// Days until the unexported mailboxes are done at <see cref="CompletionsPerDay"/>, as the recording rule
    /// <c>workmail:organization_export_projected_finish_timestamp_seconds</c> projects it: 0 when none is left, null
    /// when nothing was exported in the last 7 days (at that pace it never finishes).
    /// </summary>
    public double? DaysToFinish => Unexported == 0 ? 0 : CompletionsPerDay > 0 ? Unexported / CompletionsPerDay : null;

    /// <summary>Exported / mailboxes, 1 for an organization without mailboxes (nothing is left to export).</summary>
    public double Ratio => Mailboxes.Length == 0 ? 1 : (double)Exported / Mailboxes.Length;
}
