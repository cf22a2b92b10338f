namespace Watcher.Simulator.Operations;

/// <param name="Options">The simulator's settings; <see cref="Region"/> defaults to its primary region.</param>
internal sealed record OperationContext(SimulatorStore Store, SimulatorOptions Options)
{
    /// <summary>The region the request was signed for: WorkMail organizations are only reachable there.</summary>
    public string Region { get; init; } = Options.Region;

    /// <summary>Where organizations added without a region live; fixed at start, as the verifier's region is.</summary>
    public string PrimaryRegion { get; } = Options.Region;
}
