using System.Globalization;
using Watcher.EndToEnd.Tests.Rules;
using Watcher.EndToEnd.Tests.Support;
using Watcher.Simulator;

namespace Watcher.EndToEnd.Tests.Prometheus;

public sealed class CoverageAlertTests : AlertTest
{
    private const int Backlog = 300;

    /// <summary>The scenario's 5 mailboxes (1 exported) and a backlog of 300 never exported.</summary>
    private const int Unexported = 4 + Backlog;

    private static readonly string[] BacklogIds = [.. Enumerable.Range(1, Backlog).Select(i => $"mailbox-backlog-{i:0000}")];

    /// <summary>The scan after the coverage interval (1 minute in the scenario), then Prometheus' evaluation.</summary>
    private static readonly TimeSpan Rescan = TimeSpan.FromMinutes(1) + AlertRules.KeepFiringFor + Fire;

    private protected override Action<WorkMailSimulator>? BeforeWatcher => simulator =>
        simulator.Store.AddUsers(Scenario.Discovered, BacklogIds.Select(id => new SimulatedUser { Id = id, Name = id, Email = $"{id}@offboarding.example" }));

    [Fact]
    public async Task Alerts_BacklogTooBigForTheWeeksPace_BehindDeadlineFiresThenResolvesWhenTheBacklogGoes()
    {
        var prometheus = E2e.Prometheus;

        // One mailbox exported in the last 7 days: 304 left at 1 a week is about 6 years, long after 2027-03-31.
        await prometheus.WaitForAlertAsync("WorkMailExportBehindDeadline", firing: true, Fire);
        var alert = Assert.Single(await prometheus.AlertsAsync(), a => (string?)a!["labels"]!["alertname"] == "WorkMailExportBehindDeadline");
        Assert.Equal(Scenario.Discovered, (string?)alert!["labels"]!["organization_id"]);
        Assert.Equal(Unexported, double.Parse((string)alert["value"]!, CultureInfo.InvariantCulture));
        Assert.Equal($"WorkMail organization {Scenario.Discovered} will not be exported before the end of support", (string?)alert["annotations"]!["summary"]);
        Assert.StartsWith(
            $"{Unexported} mailboxes of organization {Scenario.Discovered} have no completed export. At the last 7 days' pace they are done 20",
            (string?)alert["annotations"]!["description"],
            StringComparison.Ordinal);

        Assert.Single(await prometheus.QueryAsync(
            $"workmail:organization_export_projected_finish_timestamp_seconds{{organization_id=\"{Scenario.Discovered}\"}} > scalar(max(workmail_export_end_of_support_timestamp_seconds))"));

        // The backlog turns out to be leavers whose mailboxes were deleted: 4 left at 1 a week finishes in time.
        Assert.Equal(Backlog, E2e.Simulator.Store.DeleteUsers(Scenario.Discovered, BacklogIds));
        await prometheus.WaitForAlertAsync("WorkMailExportBehindDeadline", firing: false, Rescan);
        var unexported = await prometheus.QueryAsync($"workmail:organization_mailboxes_unexported{{organization_id=\"{Scenario.Discovered}\"}}");
        Assert.Equal("4", (string?)Assert.Single(unexported)!["value"]![1]);
    }
}
