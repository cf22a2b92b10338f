namespace Watcher.Bench.Results;

/// <summary>A target with what this run measured; <see cref="Measured"/> is null when the run skipped its scale.</summary>
internal sealed record TargetResult(string Name, int? Jobs, double? Measured, double Threshold, string Unit)
{
    public bool Met => Measured <= Threshold;
}
