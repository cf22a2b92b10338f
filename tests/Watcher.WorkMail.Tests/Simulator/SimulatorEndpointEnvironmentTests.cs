using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Simulator;

[Collection(EnvironmentTestGroup.Name)]
public sealed class SimulatorEndpointEnvironmentTests
{
    [Fact]
    public async Task ListExportJobsAsync_EndpointUrlVariableAndNoServiceUrl_ReachesSimulatorSigned()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        using var environment = new EnvironmentVariableScope().Set("AWS_ENDPOINT_URL_WORKMAIL", simulator.ServiceUrl.AbsoluteUri);
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator) with { ServiceUrl = null });

        var page = await client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None);

        Assert.Empty(page.Jobs);
        var request = Assert.Single(simulator.Requests.All);
        Assert.True(request.SignatureValid);
        Assert.Equal(200, request.StatusCode);
    }
}
