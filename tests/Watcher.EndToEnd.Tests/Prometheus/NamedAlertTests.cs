using Watcher.EndToEnd.Tests.Support;
using Watcher.Simulator;
using Watcher.Testing.Waiting;

namespace Watcher.EndToEnd.Tests.Prometheus;

/// <summary>
/// An alert names the mailbox, the job's description and the organization's alias, joined from the info series a
/// real Watcher exports. The scenario's organization watched by job ID has no alias (no organization_info), so
/// this class adds a failed job to the one watched by discovery, whose alias is set.
/// </summary>
public sealed class NamedAlertTests : AlertTest
{
    private const string JobId = "leaver";

    private protected override Action<WorkMailSimulator>? BeforeWatcher => simulator => simulator.Store.AddJob(
        Scenario.Discovered,
        new SimulatedJob
        {
            JobId = JobId,
            EntityId = "leaver@example.com",
            Description = "offboarding export",
            StartOffset = TimeSpan.FromMinutes(-30),
            Duration = TimeSpan.FromMinutes(20),
            Outcome = SimulatedOutcome.Fail,
            OutcomeAtProgress = 40,
            ErrorInfo = "The KMS key is disabled",
        });

    [Fact]
    public async Task Alerts_JobOfADiscoveredOrganizationFails_NameTheMailboxTheDescriptionAndTheAlias()
    {
        var prometheus = E2e.Prometheus;

        var alert = await Wait.ForAsync(
            async () => (await prometheus.AlertsAsync()).FirstOrDefault(a => (string?)a!["labels"]!["alertname"] == "WorkMailExportJobFailed" && (string?)a["labels"]!["job_id"] == JobId && (string?)a["state"] == "firing"),
            Fire,
            () => $"WorkMailExportJobFailed for {JobId}",
            every: TimeSpan.FromMilliseconds(500));

        var labels = alert!["labels"]!;
        Assert.Equal(Scenario.Discovered, (string?)labels["organization_id"]);
        Assert.Equal("leaver@example.com", (string?)labels["entity_id"]);
        Assert.Equal("offboarding export", (string?)labels["description"]);
        Assert.Equal("offboarding", (string?)labels["alias"]);
        Assert.Equal("WorkMail export of mailbox leaver@example.com (\"offboarding export\") in organization offboarding failed", (string?)alert["annotations"]!["summary"]);
        var description = (string?)alert["annotations"]!["description"];
        Assert.StartsWith($"WorkMail export job {JobId} of mailbox leaver@example.com (\"offboarding export\") in organization offboarding ({Scenario.Discovered}) failed ", description, StringComparison.Ordinal);
        Assert.EndsWith(" ago. ErrorInfo: The KMS key is disabled", description, StringComparison.Ordinal);
    }
}
