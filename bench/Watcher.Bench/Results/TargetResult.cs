namespace Watcher.Bench.Results;

/// <summary>A target of issue 7, with what this run measured.</summary>
internal sealed record TargetResult(string Name, int? Jobs, double Measured, double Threshold, string Unit)
{
    public bool Met => Measured <= Threshold;
}
