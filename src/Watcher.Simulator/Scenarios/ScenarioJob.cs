namespace Watcher.Simulator.Scenarios;

/// <summary>A job of the scenario file; absent members take the <see cref="SimulatedJob"/> defaults.</summary>
internal sealed class ScenarioJob
{
    public string? JobId { get; init; }

    public string? EntityId { get; init; }

    public string? Description { get; init; }

    public string? RoleArn { get; init; }

    public string? KmsKeyArn { get; init; }

    public string? S3BucketName { get; init; }

    public string? S3Prefix { get; init; }

    public TimeSpan? StartOffset { get; init; }

    public TimeSpan? Duration { get; init; }

    public SimulatedOutcome? Outcome { get; init; }

    public int? OutcomeAtProgress { get; init; }

    public string? ErrorInfo { get; init; }

    public bool? Held { get; init; }
}
