using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Simulator;

[Collection(EnvironmentTestGroup.Name)]
public sealed class SimulatorStsEndpointEnvironmentTests
{
    [Fact]
    public async Task ListExportJobsAsync_StsEndpointVariableAndNoStsServiceUrl_AssumesRoleThere()
    {
        await using var simulator = await SimulatorAssumeRoleTests.StartAsync();
        using var environment = new EnvironmentVariableScope().Set("AWS_ENDPOINT_URL_STS", simulator.ServiceUrl.AbsoluteUri);
        var settings = SimulatorAssumeRoleTests.Settings(simulator, SimulatorAssumeRoleTests.ExternalId) with { StsServiceUrl = null };
        using var client = new WorkMailExportJobsClient(settings);

        await client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None);

        Assert.Equal(1, simulator.Requests.Count("AssumeRole"));
        Assert.Equal(SimulatorAssumeRoleTests.AssumedRoleArn, simulator.Requests.All[^1].AssumedRoleArn);
    }
}
