using Watcher.Simulator;
using Watcher.WorkMail.Model;

namespace Watcher.WorkMail.Tests.Simulator;

public sealed class SimulatorPagingTests
{
    [Fact]
    public async Task ListExportJobsAsync_250Jobs_ThreePagesWithEveryJobOnce()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        var added = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 250; i++)
        {
            added.Add(simulator.Store.AddJob(SimulatorClients.OrganizationId, new SimulatedJob
            {
                StartOffset = TimeSpan.FromMinutes(-i - 1),
                Duration = TimeSpan.FromMinutes(30),
            }));
        }

        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        var pageSizes = new List<int>();
        var seen = new List<ExportJobSummary>();
        string? nextToken = null;
        do
        {
            var page = await client.ListExportJobsAsync(SimulatorClients.OrganizationId, nextToken, 100, CancellationToken.None);
            pageSizes.Add(page.Jobs.Count);
            seen.AddRange(page.Jobs);
            nextToken = page.NextToken;
        }
        while (nextToken is not null && pageSizes.Count < 10);

        Assert.Equal([100, 100, 50], pageSizes);
        Assert.Equal(added, seen.Select(job => job.JobId).ToHashSet(StringComparer.Ordinal));
        Assert.All(seen, job => Assert.Equal(TimeSpan.Zero, job.StartTime.Offset));
        Assert.Equal(3, simulator.Requests.Count(WorkMailOperations.ListMailboxExportJobs, SimulatorClients.OrganizationId));
    }
}
