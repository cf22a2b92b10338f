using Microsoft.Extensions.Time.Testing;

namespace Watcher.Simulator.Tests.Scenarios;

public class DemoDirectoryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(DemoScenario.LegalOrganizationId, DemoScenario.LegalUsers)]
    [InlineData(DemoScenario.FinanceOrganizationId, DemoScenario.FinanceUsers)]
    [InlineData(DemoScenario.DiscoveryOrganizationId, DemoScenario.DiscoveryUsers)]
    public void Seed_EachOrganization_HasAFewHundredUsersOfEveryRoleAndState(string organizationId, int expectedUsers)
    {
        var store = Seeded();

        var users = store.Users(organizationId);

        Assert.Equal(expectedUsers, users.Count);
        Assert.InRange(users.Count, 200, 600);
        Assert.Single(users, u => u.UserRole == SimulatedDirectory.SystemUser);
        Assert.InRange(users.Count(u => u.UserRole == SimulatedDirectory.RemoteUser), 2, 20);
        Assert.InRange(users.Count(u => u.State == SimulatedDirectory.Deleted), 5, 30);
        Assert.InRange(users.Count(u => u.State == SimulatedDirectory.Disabled), 10, 40);
        Assert.Equal(users.Count, users.Select(u => u.Id).Distinct().Count());
        Assert.Equal(users.Count, users.Select(u => u.Name).Distinct().Count());
        Assert.All(users.Where(u => u.UserRole == SimulatedDirectory.User), u => Assert.EndsWith(".awsapps.com", u.Email, StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_EachOrganization_HasRoomsAndEquipmentOneDisabled()
    {
        var store = Seeded();

        foreach (var organizationId in store.OrganizationIds)
        {
            var resources = store.Resources(organizationId);
            Assert.Equal(6, resources.Count);
            Assert.Contains(resources, r => r.Type == SimulatedDirectory.Room);
            Assert.Contains(resources, r => r.Type == SimulatedDirectory.Equipment);
            Assert.Single(resources, r => r.State == SimulatedDirectory.Disabled);
        }
    }

    [Fact]
    public void Seed_ExportedMailboxes_AreEnabledUsersOfTheirOrganization()
    {
        var store = Seeded();

        foreach (var organizationId in store.OrganizationIds)
        {
            var users = store.Users(organizationId).ToDictionary(u => u.Id!, StringComparer.Ordinal);
            var entityIds = store.JobIds(organizationId).Select(j => store.Describe(organizationId, j)?.EntityId).OfType<string>().Distinct().ToList();
            Assert.NotEmpty(entityIds);
            Assert.All(entityIds, id => Assert.Equal((SimulatedDirectory.User, SimulatedDirectory.Enabled), (users[id].UserRole, users[id].State)));
        }
    }

    [Fact]
    public void Seed_Twice_SameUsers()
    {
        var first = Seeded();
        var second = Seeded();

        Assert.Equal(first.Users(DemoScenario.FinanceOrganizationId), second.Users(DemoScenario.FinanceOrganizationId));
        Assert.Equal(first.Resources(DemoScenario.LegalOrganizationId), second.Resources(DemoScenario.LegalOrganizationId));
    }

    private SimulatorStore Seeded()
    {
        var store = new SimulatorStore(_time);
        DemoScenario.Seed(store);
        DemoScenario.SeedDiscovery(store);
        return store;
    }
}
