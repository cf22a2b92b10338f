namespace Watcher.Bench.Results;

/// <summary>A full cycle of explicit jobs against the simulator with added latency: start to every job described.</summary>
internal sealed record CycleResult(int Jobs, int Concurrency, double LatencyMs, double SchedulingSeconds, double MeasuredSeconds, int Describes)
{
    /// <summary>N × latency / C: every call spends exactly the latency, C at a time.</summary>
    public double IdealSeconds => Jobs * LatencyMs / 1000.0 / Concurrency;

    public double Ratio => MeasuredSeconds / IdealSeconds;
}
