namespace Watcher.WorkMail.Model;

/// <summary>One page of ListMailboxExportJobs; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record ExportJobPage(IReadOnlyList<ExportJobSummary> Jobs, string? NextToken);
