using Watcher.WorkMail.Adapter;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Tests.Simulator;

public sealed class SimulatorErrorTests
{
    private const string UnknownOrganizationId = "m-ffffffffffffffffffffffffffffffff";

    [Fact]
    public async Task DescribeMailboxExportJobAsync_MalformedOrganizationId_InvalidParameterException()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        using var client = AmazonWorkMailClientFactory.Create(SimulatorClients.Settings(simulator));

        var exception = await Assert.ThrowsAsync<InvalidParameterException>(() => client.DescribeMailboxExportJobAsync(
            new DescribeMailboxExportJobRequest { OrganizationId = "not-an-org", JobId = "job-1" }));

        Assert.Equal("InvalidParameterException", exception.ErrorCode);
    }

    [Fact]
    public async Task DescribeMailboxExportJobAsync_UnknownOrganization_OrganizationNotFoundException()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        using var client = AmazonWorkMailClientFactory.Create(SimulatorClients.Settings(simulator));

        await Assert.ThrowsAsync<OrganizationNotFoundException>(() => client.DescribeMailboxExportJobAsync(
            new DescribeMailboxExportJobRequest { OrganizationId = UnknownOrganizationId, JobId = "job-1" }));
    }

    [Fact]
    public async Task DescribeMailboxExportJobAsync_UnknownJob_EntityNotFoundException()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        using var client = AmazonWorkMailClientFactory.Create(SimulatorClients.Settings(simulator));

        await Assert.ThrowsAsync<EntityNotFoundException>(() => client.DescribeMailboxExportJobAsync(
            new DescribeMailboxExportJobRequest { OrganizationId = SimulatorClients.OrganizationId, JobId = "no-such-job" }));
    }

    [Fact]
    public async Task ListMailboxExportJobsAsync_InactiveOrganization_OrganizationStateException()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        simulator.Store.SetOrganizationActive(SimulatorClients.OrganizationId, active: false);
        using var client = AmazonWorkMailClientFactory.Create(SimulatorClients.Settings(simulator));

        await Assert.ThrowsAsync<OrganizationStateException>(() => client.ListMailboxExportJobsAsync(
            new ListMailboxExportJobsRequest { OrganizationId = SimulatorClients.OrganizationId }));
    }

    [Theory]
    [InlineData("not-an-org", "job-1", "InvalidParameterException")]
    [InlineData(UnknownOrganizationId, "job-1", "OrganizationNotFoundException")]
    [InlineData(SimulatorClients.OrganizationId, "no-such-job", "EntityNotFoundException")]
    public async Task DescribeExportJobAsync_ModeledError_WorkMailExceptionWithCode(string organizationId, string jobId, string errorCode)
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(organizationId, jobId, CancellationToken.None));

        Assert.Equal(errorCode, exception.ErrorCode);
        Assert.False(exception.CredentialsFailed);
        Assert.Equal(400, exception.StatusCode);
        Assert.Single(simulator.Requests.All);
    }

    [Fact]
    public async Task ListExportJobsAsync_InactiveOrganization_WorkMailExceptionWithCode()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        simulator.Store.SetOrganizationActive(SimulatorClients.OrganizationId, active: false);
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None));

        Assert.Equal("OrganizationStateException", exception.ErrorCode);
    }
}
