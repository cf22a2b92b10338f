namespace Watcher.Bench.Results;

/// <summary>
/// One discovered organization whose directory holds <see cref="Mailboxes"/> counted mailboxes, served with coverage
/// (the per-mailbox series and the organization's gauges, what the targets judge) and with coverage off, the same
/// jobs watched; and an organization with the same directory and no job listed, every completion in the store.
/// </summary>
internal sealed class CoverageResult
{
    public required int Mailboxes { get; init; }

    /// <summary>Users and resources the directory lists, the ones that must not count included.</summary>
    public required int Listed { get; init; }

    /// <summary>Export jobs in the organization's listing, all watched.</summary>
    public required int Jobs { get; init; }

    /// <summary>Completions older than the listing, in the store the host starts with.</summary>
    public required int Remembered { get; init; }

    /// <summary>From <c>/readyz</c> answering to <c>workmail_organization_mailboxes</c> showing every mailbox.</summary>
    public double ScanSeconds { get; set; }

    public ScrapeResult? Scrape { get; set; }

    /// <summary>Every line of the scrape, comments included.</summary>
    public int ScrapeLines { get; set; }

    /// <summary>Lines of <c>workmail_mailbox_last_export_completed_timestamp_seconds</c>.</summary>
    public int MailboxLines { get; set; }

    /// <summary>The same organization with coverage off: what the mailbox series change in the scrape.</summary>
    public ScrapeResult? ScrapeWithoutCoverage { get; set; }

    /// <summary>The same directory with no job listed: the per-mailbox series without the per-job ones.</summary>
    public ScrapeResult? ScrapeDirectoryOnly { get; set; }

    /// <summary>What chunked framing costs on the bytes of <see cref="ScrapeDirectoryOnly"/>.</summary>
    public FramingResult? FramingDirectoryOnly { get; set; }

    public MemoryResult? Memory { get; set; }

    public MemoryResult? MemoryWithoutCoverage { get; set; }

    public MemoryResult? MemoryDirectoryOnly { get; set; }

    /// <summary>Managed heap over the host watching one organization with no jobs, per mailbox: the jobs' share included.</summary>
    public double? ManagedBytesPerMailbox { get; set; }

    /// <summary>Managed heap over the same host with coverage off, per mailbox: what coverage itself holds.</summary>
    public double? CoverageManagedBytesPerMailbox { get; set; }

    /// <summary>Managed heap of the organization with no job listed, over the host watching no jobs, per mailbox.</summary>
    public double? DirectoryOnlyManagedBytesPerMailbox { get; set; }

    public double? RssBytesPerMailbox { get; set; }
}
