using Microsoft.Extensions.Time.Testing;

namespace Watcher.Simulator.Tests.Scenarios;

public class DiscoveryScenarioTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void SeedDiscovery_EmptyStore_ThirdOrganizationWithFortyJobs()
    {
        var store = new SimulatorStore(_time);
        DemoScenario.Seed(store);

        var organizationId = DemoScenario.SeedDiscovery(store);

        Assert.Equal(DemoScenario.DiscoveryOrganizationId, organizationId);
        Assert.Matches("^m-[0-9a-f]{32}$", organizationId);
        Assert.Equal(3, store.OrganizationIds.Count);
        Assert.Equal(40, store.JobIds(organizationId).Count);
        Assert.All(store.JobIds(organizationId), id => Assert.True(Guid.TryParse(id, out _)));
    }

    [Fact]
    public void SeedDiscovery_AtStart_MixedStatesWithRealisticErrors()
    {
        var views = Describe(new SimulatorStore(_time), out _);
        var states = views.GroupBy(v => v.State).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(6, states["RUNNING"]);
        Assert.Equal(5, states["FAILED"]);
        Assert.Equal(2, states["CANCELLED"]);
        Assert.Equal(27, states["COMPLETED"]);
        Assert.Equal(6, views.Where(v => v.State == "RUNNING").Select(v => v.EstimatedProgress).Distinct().Count());
        Assert.All(views.Where(v => v.State == "FAILED"), v => Assert.False(string.IsNullOrWhiteSpace(v.ErrorInfo)));
        Assert.All(views, v => Assert.Equal("contoso-offboarding-exports", v.S3BucketName));
    }

    [Fact]
    public void SeedDiscovery_ListWindow_FourJobsOlderThanSevenDaysNotListed()
    {
        var store = new SimulatorStore(_time);
        var views = Describe(store, out var organizationId);

        var listed = store.List(organizationId, null, 100)!.Jobs;

        Assert.Equal(4, views.Count(v => v.StartTime < _time.GetUtcNow() - SimulatorStore.ListWindow));
        Assert.Equal(36, listed.Count);
        Assert.Equal(listed.OrderByDescending(v => v.StartTime).Select(v => v.JobId), listed.Select(v => v.JobId));
    }

    [Fact]
    public void SeedDiscovery_TwoStores_SameJobIds()
    {
        var first = new SimulatorStore(_time);
        var second = new SimulatorStore(_time);

        var organizationId = DemoScenario.SeedDiscovery(first);
        DemoScenario.SeedDiscovery(second);

        Assert.Equal(first.JobIds(organizationId), second.JobIds(organizationId));
    }

    private static List<SimulatedJobView> Describe(SimulatorStore store, out string organizationId)
    {
        var id = DemoScenario.SeedDiscovery(store);
        organizationId = id;
        return [.. store.JobIds(id).Select(j => store.Describe(id, j)!)];
    }
}
