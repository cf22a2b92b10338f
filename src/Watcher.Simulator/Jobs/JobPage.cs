namespace Watcher.Simulator.Jobs;

/// <summary>One page of ListMailboxExportJobs; <see cref="Next"/> is null on the last page.</summary>
internal sealed record JobPage(IReadOnlyList<SimulatedJobView> Jobs, JobCursor? Next);
