namespace Watcher.Bench.Results;

/// <summary>One BenchmarkDotNet case: mean time per operation on one thread (CPU-bound, so CPU time) and allocations.</summary>
internal sealed record MicroResult(string Name, double MeanNs, double StdDevNs, long? AllocatedBytes);
