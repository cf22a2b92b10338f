namespace Watcher.Simulator.Jobs;

internal sealed record StartResult(string? JobId, bool LimitExceeded);
