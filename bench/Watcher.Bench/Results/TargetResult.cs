namespace Watcher.Bench.Results;

/// <summary>A target with what this run measured; <see cref="Measured"/> is null when the run skipped its scale.</summary>
/// <param name="Jobs">The scale the target holds at: watched jobs, or what <see cref="Of"/> names.</param>
internal sealed record TargetResult(string Name, int? Jobs, double? Measured, double Threshold, string Unit)
{
    /// <summary>What <see cref="Jobs"/> counts.</summary>
    public string Of { get; init; } = "jobs";

    public bool Met => Measured <= Threshold;
}
