using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Adapter;

[Collection(EnvironmentTestGroup.Name)]
public sealed class EndpointEnvironmentVariableTests
{
    [Fact]
    public async Task ListExportJobsAsync_EndpointUrlVariableAndNoServiceUrl_ReachesThatEndpoint()
    {
        await using var server = new CannedHttpServer(CannedResponse.Ok("""{"Jobs":[]}"""));
        using var environment = new EnvironmentVariableScope().Set("AWS_ENDPOINT_URL_WORKMAIL", server.Url.AbsoluteUri);
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url) with { ServiceUrl = null });

        var page = await client.ListExportJobsAsync(TestSettings.OrganizationId, null, 10, CancellationToken.None);

        Assert.Empty(page.Jobs);
        var request = Assert.Single(server.Requests);
        Assert.Equal("WorkMailService.ListMailboxExportJobs", request.Headers["x-amz-target"]);
        Assert.Contains($"/{TestSettings.Region}/workmail/aws4_request", request.Headers["authorization"], StringComparison.Ordinal);
    }
}
