namespace Watcher.Simulator.Jobs;

/// <summary>Position in the newest-first list order: after the job with this start time and id.
/// A key rather than an offset, so jobs started between pages do not shift the pages.</summary>
internal readonly record struct JobCursor(long StartTicks, string JobId);
