using System.Collections.Concurrent;
using Watcher.Simulator;
using Watcher.WorkMail.Model;

namespace Watcher.WorkMail.Tests.Simulator;

public sealed class SimulatorDirectoryTests
{
    private const string UnknownOrganizationId = "m-ffffffffffffffffffffffffffffffff";

    [Fact]
    public async Task ListAllUsersAsync_250Users_WalksThreePagesAndMapsEveryMember()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        var enabled = new DateTimeOffset(2024, 5, 1, 8, 30, 0, 250, TimeSpan.Zero);
        simulator.Store.AddUsers(SimulatorClients.OrganizationId, Enumerable.Range(0, 250).Select(i => new SimulatedUser
        {
            Id = $"user-{i:D8}",
            Name = $"user{i}",
            Email = $"user{i}@example.com",
            DisplayName = $"User {i}",
            State = i % 50 == 7 ? SimulatedDirectory.Deleted : SimulatedDirectory.Enabled,
            UserRole = i == 0 ? SimulatedDirectory.SystemUser : i % 60 == 3 ? SimulatedDirectory.RemoteUser : SimulatedDirectory.User,
            EnabledDate = enabled,
            DisabledDate = i % 50 == 7 ? enabled.AddDays(1) : null,
        }));
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        var users = await WorkMailDirectoryPaging.ListAllUsersAsync(client, SimulatorClients.OrganizationId, CancellationToken.None);

        Assert.Equal(3, simulator.Requests.Count(WorkMailOperations.ListUsers, SimulatorClients.OrganizationId));
        Assert.Equal(250, users.Select(u => u.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            new DirectoryUser("user-00000007", "user7@example.com", "user7", "User 7", EntityState.Deleted, UserRole.User, enabled, enabled.AddDays(1)),
            Assert.Single(users, u => u.Id == "user-00000007"));
        Assert.Equal(UserRole.SystemUser, Assert.Single(users, u => u.Id == "user-00000000").Role);
        Assert.Equal(5, users.Count(u => u.State == EntityState.Deleted));
        Assert.Equal(5, users.Count(u => u.Role == UserRole.RemoteUser));
    }

    [Fact]
    public async Task ListAllResourcesAsync_SmallPages_EveryResourceOnceWithTypeAndState()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddResources(SimulatorClients.OrganizationId, [
            new SimulatedResource { Id = "room-00000001", Name = "boardroom", Email = "boardroom@example.com" },
            new SimulatedResource { Id = "room-00000002", Name = "room-3b", State = SimulatedDirectory.Disabled },
            new SimulatedResource { Id = "equip-0000001", Name = "projector", Type = SimulatedDirectory.Equipment },
        ]);
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        var resources = await WorkMailDirectoryPaging.ListAllResourcesAsync(client, SimulatorClients.OrganizationId, CancellationToken.None, pageSize: 2);

        Assert.Equal(2, simulator.Requests.Count(WorkMailOperations.ListResources, SimulatorClients.OrganizationId));
        Assert.Equal(
            [
                ("equip-0000001", ResourceType.Equipment, EntityState.Enabled),
                ("room-00000001", ResourceType.Room, EntityState.Enabled),
                ("room-00000002", ResourceType.Room, EntityState.Disabled),
            ],
            resources.Select(r => (r.Id, r.Type!.Value, r.State)));
        Assert.Equal("boardroom@example.com", resources[1].Email);
    }

    [Fact]
    public async Task ListAllUsersAsync_DemoDiscoveryOrganization_EveryUserOverFivePages()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        var organizationId = DemoScenario.SeedDiscovery(simulator.Store);
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        var users = await WorkMailDirectoryPaging.ListAllUsersAsync(client, organizationId, CancellationToken.None);
        var resources = await WorkMailDirectoryPaging.ListAllResourcesAsync(client, organizationId, CancellationToken.None);

        Assert.Equal(DemoScenario.DiscoveryUsers, users.Count);
        Assert.Equal(5, simulator.Requests.Count(WorkMailOperations.ListUsers, organizationId));
        Assert.Single(users, u => u.Role == UserRole.SystemUser);
        Assert.Contains(users, u => u.State == EntityState.Disabled);
        Assert.Equal(6, resources.Count);
    }

    [Theory]
    [InlineData("not-an-org", "InvalidParameterException")]
    [InlineData(UnknownOrganizationId, "OrganizationNotFoundException")]
    public async Task ListUsersAsync_ModeledError_WorkMailExceptionWithCode(string organizationId, string errorCode)
    {
        await using var simulator = await SimulatorClients.StartAsync();
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        var exception = await Assert.ThrowsAsync<WorkMailException>(() => client.ListUsersAsync(organizationId, null, 100, CancellationToken.None));

        Assert.Equal(errorCode, exception.ErrorCode);
        Assert.Equal(400, exception.StatusCode);
        Assert.StartsWith($"ListUsers failed with {errorCode}", exception.Message, StringComparison.Ordinal);
        Assert.True(WorkMailErrorCodes.IsMissing(errorCode) || errorCode == WorkMailErrorCodes.InvalidParameterException);
    }

    [Fact]
    public async Task ListResourcesAsync_InactiveOrganization_OrganizationStateClassifiedAsMissing()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        simulator.Store.SetOrganizationActive(SimulatorClients.OrganizationId, active: false);
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        var exception = await Assert.ThrowsAsync<WorkMailException>(() => client.ListResourcesAsync(SimulatorClients.OrganizationId, null, 100, CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.OrganizationStateException, exception.ErrorCode);
        Assert.True(WorkMailErrorCodes.IsMissing(exception.ErrorCode));
    }

    [Fact]
    public async Task ListUsersAsync_NextTokenNotTheSimulators_InvalidParameter()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        var exception = await Assert.ThrowsAsync<WorkMailException>(() => client.ListUsersAsync(SimulatorClients.OrganizationId, "bm90LW91cnM=", 100, CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.InvalidParameterException, exception.ErrorCode);
    }

    [Fact]
    public async Task ListUsersAsync_WrongSecretKey_SignatureRejectedAsCredentialsError()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddUsers(SimulatorClients.OrganizationId, [new SimulatedUser { Name = "j.doe" }]);
        var settings = SimulatorClients.Settings(simulator) with
        {
            Credentials = new WorkMailStaticCredentials(simulator.Credentials.AccessKeyId, "wrongSecretWrongSecretWrongSecretWrong00"),
        };
        using var client = new WorkMailExportJobsClient(settings);

        var exception = await Assert.ThrowsAsync<WorkMailException>(() => client.ListUsersAsync(SimulatorClients.OrganizationId, null, 100, CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.InvalidSignatureException, exception.ErrorCode);
        Assert.Equal(403, exception.StatusCode);
        Assert.True(WorkMailErrorCodes.IsCredentials(exception.ErrorCode));
        var request = Assert.Single(simulator.Requests.All);
        Assert.False(request.SignatureValid);
    }

    [Fact]
    public async Task ListResourcesAsync_ServerErrors_RetriesReportedUnderListResources()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        simulator.Faults.ServerErrorRatio = 1;
        var retries = new ConcurrentQueue<WorkMailRetry>();
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator, maxAttempts: 2) with { OnRetry = retries.Enqueue });

        await Assert.ThrowsAsync<WorkMailException>(() => client.ListResourcesAsync(SimulatorClients.OrganizationId, null, 100, CancellationToken.None));

        var retry = Assert.Single(retries);
        Assert.Equal(WorkMailOperations.ListResources, retry.Operation);
        Assert.Equal(SimulatorClients.OrganizationId, retry.OrganizationId);
    }
}
