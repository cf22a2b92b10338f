using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Adapter;

[Collection(EnvironmentTestGroup.Name)]
public sealed class DefaultCredentialChainTests
{
    [Fact]
    public async Task DescribeExportJobAsync_NoCredentialsAnywhere_ErrorCodeNoCredentials()
    {
        using var environment = WithoutAnyCredentials();
        await using var server = new CannedHttpServer(CannedResponse.Ok("{}"));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url) with { Credentials = null });

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.NoCredentials, exception.ErrorCode);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ListExportJobsAsync_KeysInEnvironment_SignsWithThem()
    {
        using var environment = WithoutAnyCredentials()
            .Set("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENTKEY01")
            .Set("AWS_SECRET_ACCESS_KEY", "environmentSecretKeyEnvironmentSecretKe");
        await using var server = new CannedHttpServer(CannedResponse.Ok("""{"Jobs":[]}"""));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url) with { Credentials = null });

        await client.ListExportJobsAsync(TestSettings.OrganizationId, null, 10, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Contains("Credential=AKIAENVIRONMENTKEY01/", request.Headers["authorization"], StringComparison.Ordinal);
        Assert.Contains($"/{TestSettings.Region}/workmail/aws4_request", request.Headers["authorization"], StringComparison.Ordinal);
    }

    private static EnvironmentVariableScope WithoutAnyCredentials()
    {
        var missing = Path.Combine(Path.GetTempPath(), "watcher-workmail-tests-" + Guid.NewGuid().ToString("N"));
        return new EnvironmentVariableScope()
            .Set("AWS_ACCESS_KEY_ID", null)
            .Set("AWS_SECRET_ACCESS_KEY", null)
            .Set("AWS_SESSION_TOKEN", null)
            .Set("AWS_PROFILE", null)
            .Set("AWS_DEFAULT_PROFILE", null)
            .Set("AWS_WEB_IDENTITY_TOKEN_FILE", null)
            .Set("AWS_ROLE_ARN", null)
            .Set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", null)
            .Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", null)
            .Set("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(missing, "credentials"))
            .Set("AWS_CONFIG_FILE", Path.Combine(missing, "config"))
            .Set("AWS_EC2_METADATA_DISABLED", "true");
    }
}
