namespace Watcher.Simulator;

/// <summary>What a simulated mailbox export job is and how it will behave over time.</summary>
public sealed record SimulatedJob
{
    /// <summary>Null: a UUID is generated.</summary>
    public string? JobId { get; init; }

    public string EntityId { get; init; } = "3f2a9c1e-7b4d-4e8a-9c5f-1d2e3f4a5b6c";

    public string? Description { get; init; }

    public string RoleArn { get; init; } = "arn:aws:iam::111122223333:role/WorkMailMailboxExportRole";

    public string KmsKeyArn { get; init; } = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    public string S3BucketName { get; init; } = "workmail-exports-111122223333";

    public string S3Prefix { get; init; } = "mailbox-exports";

    /// <summary>Start = the store's now + offset when the job is added; negative: started earlier.
    /// A job whose start lies in the future is invisible until then.</summary>
    public TimeSpan StartOffset { get; init; }

    /// <summary>Time from 0 to 100 %.</summary>
    public TimeSpan Duration { get; init; }

    public SimulatedOutcome Outcome { get; init; } = SimulatedOutcome.Complete;

    /// <summary>For <see cref="SimulatedOutcome.Fail"/> and <see cref="SimulatedOutcome.Cancel"/>: the progress at which the job ends.</summary>
    public int OutcomeAtProgress { get; init; } = 100;

    /// <summary>ErrorInfo of a failed job; a default message when null.</summary>
    public string? ErrorInfo { get; init; }
}
