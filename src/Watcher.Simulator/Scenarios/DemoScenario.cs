using Watcher.Simulator.Scenarios;

namespace Watcher.Simulator;

/// <summary>
/// A demo world: two organizations with jobs at different speeds, one failing, one cancelled,
/// one completing within the first minute, finished history, and one job older than the 7-day list window.
/// Each organization also has a directory of a few hundred users and six resources (ListUsers, ListResources),
/// whose first users are the mailboxes its jobs export. Ids are fixed so that commands copied from one run work in the next.
/// </summary>
public static class DemoScenario
{
    public const string LegalOrganizationId = "m-3f1c9a7e5b2d4c6e8a0f1b3d5c7e9a2b";
    public const string FinanceOrganizationId = "m-8d2e4f6a0b1c3e5f7a9b2d4c6e8f0a1c";

    /// <summary>The organization of <see cref="SeedDiscovery"/>.</summary>
    public const string DiscoveryOrganizationId = "m-c0a7f3e9d1b54a6e8f2c4b6d8e0a1f3c";
    public const string DiscoveryOrganizationAlias = "contoso-offboarding";

    /// <summary>Users in each organization's directory, every role and state included.</summary>
    public const int LegalUsers = 240;
    public const int FinanceUsers = 360;
    public const int DiscoveryUsers = 480;

    private const string Account = "111122223333";
    private const string RoleArn = $"arn:aws:iam::{Account}:role/WorkMailMailboxExportRole";
    private const string KmsKeyArn = $"arn:aws:kms:us-east-1:{Account}:key/8f2c5a1e-4b7d-4c9e-a3f6-0d1e2f3a4b5c";

    /// <returns>The (organization, job) pairs added.</returns>
    public static IReadOnlyList<(string OrganizationId, string JobId)> Seed(SimulatorStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.AddOrganization(LegalOrganizationId, "contoso-legal");
        store.AddOrganization(FinanceOrganizationId, "contoso-finance");

        (string, SimulatedJob)[] jobs =
        [
            (LegalOrganizationId, Legal("5b0e7c3a-1f2d-4e6a-9b8c-7d6e5f4a3b21", "Litigation hold: j.alvarez mailbox", "1c9e2b7a-3d4f-4a5b-8c6d-7e8f9a0b1c2d",
                "holds/2024-llc-v-contoso", TimeSpan.FromMinutes(-3), TimeSpan.FromMinutes(20))),
            (LegalOrganizationId, Legal("8a4f2d6c-9e1b-4c3a-b7d5-2e6f8a0c4b13", "Litigation hold: m.chen mailbox", "2d0f3c8b-4e5a-4b6c-9d7e-8f9a0b1c2d3e",
                "holds/2024-llc-v-contoso", TimeSpan.FromMinutes(-10), TimeSpan.FromMinutes(45))),
            (LegalOrganizationId, Legal("c2e6a0b4-7d3f-4f1e-8a9c-5b7d9e1f3a24", "Quick export: shared legal-intake mailbox", "3e1a4d9c-5f6b-4c7d-8e9f-9a0b1c2d3e4f",
                "intake/weekly", TimeSpan.FromSeconds(-20), TimeSpan.FromSeconds(60))),
            (LegalOrganizationId, Legal("e7b1d5f9-2a6c-4e8b-9d3f-1a5c7e9b2d35", "Litigation hold: r.okafor mailbox", "4f2b5e0d-6a7c-4d8e-9f0a-0b1c2d3e4f5a",
                "holds/2024-llc-v-contoso", TimeSpan.FromMinutes(-2), TimeSpan.FromMinutes(10)) with
            {
                Outcome = SimulatedOutcome.Fail,
                OutcomeAtProgress = 35,
                ErrorInfo = $"Access Denied: the role {RoleArn} is not allowed to call s3:PutObject on contoso-legal-exports/holds/2024-llc-v-contoso.",
            }),
            (LegalOrganizationId, Legal("f3c7e1a5-8b2d-4a6f-8c1e-3b7d9f2a4c46", "Offboarding archive: t.nguyen (cancelled by requester)", "5a3c6f1e-7b8d-4e9f-8a1b-1c2d3e4f5a6b",
                "offboarding/2024", TimeSpan.FromMinutes(-6), TimeSpan.FromMinutes(30)) with
            {
                Outcome = SimulatedOutcome.Cancel,
                OutcomeAtProgress = 15,
            }),
            (LegalOrganizationId, Legal("0d4a8e2c-6f1b-4b5d-9e3a-7c1f5b9d3e57", "Quarterly compliance archive: legal-all", "6b4d7a2f-8c9e-4f0a-9b2c-2d3e4f5a6b7c",
                "compliance/2024-q3", TimeSpan.FromDays(-2), TimeSpan.FromMinutes(45))),
            (FinanceOrganizationId, Finance("1e5b9f3d-7a2c-4c6e-8f4b-8d2a6c0e4f68", "Audit export: accounts-payable mailbox", "7c5e8b3a-9d0f-4a1b-8c3d-3e4f5a6b7c8d",
                "audit/fy2024", TimeSpan.FromMinutes(-15), TimeSpan.FromHours(2))),
            (FinanceOrganizationId, Finance("2f6c0a4e-8b3d-4d7f-9a5c-9e3b7d1f5a79", "Audit export: cfo-office mailbox (large)", "8d6f9c4b-0e1a-4b2c-9d4e-4f5a6b7c8d9e",
                "audit/fy2024", TimeSpan.FromMinutes(-40), TimeSpan.FromMinutes(30)) with
            {
                Outcome = SimulatedOutcome.RunForever,
            }),
            (FinanceOrganizationId, Finance("3a7d1b5f-9c4e-4e8a-8b6d-0f4c8e2a6b8a", "Month-end archive: treasury mailbox", "9e7a0d5c-1f2b-4c3d-8e5f-5a6b7c8d9e0f",
                "month-end/2024-10", TimeSpan.FromHours(-5), TimeSpan.FromMinutes(20))),
            (FinanceOrganizationId, Finance("4b8e2c6a-0d5f-4f9b-9c7e-1a5d9f3b7c9b", "Month-end archive: payroll mailbox", "0f8b1e6d-2a3c-4d4e-9f6a-6b7c8d9e0f1a",
                "month-end/2024-09", TimeSpan.FromDays(-3), TimeSpan.FromMinutes(25))),
            (FinanceOrganizationId, Finance("6d0a4e8c-2f7b-4b1d-9e9a-3c7f1b5d9e1d", "Audit export: controller mailbox (failed overnight)", "1a9c2f7e-3b4d-4e5f-8a6b-7c8d9e0f1a2b",
                "audit/fy2024", TimeSpan.FromHours(-14), TimeSpan.FromHours(3)) with
            {
                Outcome = SimulatedOutcome.Fail,
                OutcomeAtProgress = 62,
                ErrorInfo = $"The KMS key {KmsKeyArn} is disabled; the export could not encrypt its output.",
            }),
            (FinanceOrganizationId, Finance("5c9f3d7b-1e6a-4a0c-8d8f-2b6e0a4c8d0c", "Month-end archive: payroll mailbox (older than the list window)", "0f8b1e6d-2a3c-4d4e-9f6a-6b7c8d9e0f1a",
                "month-end/2024-08", TimeSpan.FromDays(-9), TimeSpan.FromMinutes(25))),
        ];

        IReadOnlyList<(string OrganizationId, string JobId)> added = [.. jobs.Select(j => (j.Item1, store.AddJob(j.Item1, j.Item2)))];
        DemoDirectory.Seed(store, LegalOrganizationId, "contoso-legal", LegalUsers, seed: 17_001);
        DemoDirectory.Seed(store, FinanceOrganizationId, "contoso-finance", FinanceUsers, seed: 17_002);
        return added;
    }

    /// <summary>
    /// Seeds a third organization for discovery (ListMailboxExportJobs): 40 jobs from the last ten days, most
    /// completed, some failed, two cancelled, six running, four older than the list window. Ids are fixed.
    /// Pair it with <see cref="JobSpawner"/> to keep new jobs coming. Seeding twice throws (duplicate JobIds).
    /// </summary>
    /// <returns>The organization id, <see cref="DiscoveryOrganizationId"/>.</returns>
    public static string SeedDiscovery(SimulatorStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Scenarios.DiscoveryScenario.Seed(store, DiscoveryOrganizationId, DiscoveryOrganizationAlias);
        DemoDirectory.Seed(store, DiscoveryOrganizationId, DiscoveryOrganizationAlias, DiscoveryUsers, seed: 17_003);
        return DiscoveryOrganizationId;
    }

    private static SimulatedJob Legal(string jobId, string description, string entityId, string prefix, TimeSpan startOffset, TimeSpan duration) =>
        Job(jobId, description, entityId, "contoso-legal-exports", prefix, startOffset, duration);

    private static SimulatedJob Finance(string jobId, string description, string entityId, string prefix, TimeSpan startOffset, TimeSpan duration) =>
        Job(jobId, description, entityId, "contoso-finance-mail-archive", prefix, startOffset, duration);

    private static SimulatedJob Job(
        string jobId, string description, string entityId, string bucket, string prefix, TimeSpan startOffset, TimeSpan duration) => new()
    {
        JobId = jobId,
        Description = description,
        EntityId = entityId,
        RoleArn = RoleArn,
        KmsKeyArn = KmsKeyArn,
        S3BucketName = bucket,
        S3Prefix = prefix,
        StartOffset = startOffset,
        Duration = duration,
    };
}
