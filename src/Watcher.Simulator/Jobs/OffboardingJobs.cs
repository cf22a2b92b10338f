namespace Watcher.Simulator.Jobs;

/// <summary>Random but plausible off-boarding exports, shared by the discovery demo and <see cref="JobSpawner"/>.</summary>
internal static class OffboardingJobs
{
    public const string Account = "444455556666";
    public const string Bucket = "contoso-offboarding-exports";
    public const string RoleArn = $"arn:aws:iam::{Account}:role/WorkMailOffboardingExportRole";
    public const string KmsKeyArn = $"arn:aws:kms:us-east-1:{Account}:key/2b7e9c4a-5d1f-4e8b-9a3c-6f0d2e4b8a1c";

    private static readonly string[] FirstNames = ["a", "b", "c", "d", "e", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v"];

    private static readonly string[] LastNames =
    [
        "adeyemi", "bergstrom", "castillo", "dubois", "eriksen", "fischer", "garcia", "haddad", "ivanova", "jensen",
        "kowalski", "larsen", "moreau", "nakamura", "oconnell", "patel", "quinn", "rossi", "schmidt", "tanaka",
    ];

    /// <param name="jobId">Null: the store generates one.</param>
    public static SimulatedJob Create(Random random, string? jobId, TimeSpan startOffset, TimeSpan duration, SimulatedOutcome outcome)
    {
        var user = $"{FirstNames[random.Next(FirstNames.Length)]}.{LastNames[random.Next(LastNames.Length)]}";
        var prefix = $"offboarding/2026-{random.Next(1, 13):00}";
        return new SimulatedJob
        {
            JobId = jobId,
            EntityId = NewGuid(random).ToString(),
            Description = $"Offboarding export: {user} mailbox",
            RoleArn = RoleArn,
            KmsKeyArn = KmsKeyArn,
            S3BucketName = Bucket,
            S3Prefix = prefix,
            StartOffset = startOffset,
            Duration = duration,
            Outcome = outcome,
            OutcomeAtProgress = outcome switch
            {
                SimulatedOutcome.Fail => random.Next(3, 91),
                SimulatedOutcome.Cancel => random.Next(5, 61),
                _ => 100,
            },
            ErrorInfo = outcome == SimulatedOutcome.Fail ? ExportFailures.Pick(random, RoleArn, KmsKeyArn, Bucket, prefix) : null,
        };
    }

    /// <summary>A version-4 UUID drawn from the seeded source, so that seeded runs repeat their ids.</summary>
    public static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
