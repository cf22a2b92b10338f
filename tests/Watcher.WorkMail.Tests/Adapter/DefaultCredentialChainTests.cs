using System.Net;
using System.Net.Sockets;
using Watcher.WorkMail.Credentials;
using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Adapter;

[Collection(EnvironmentTestGroup.Name)]
public sealed class DefaultCredentialChainTests
{
    [Fact]
    public async Task DescribeExportJobAsync_NoCredentialsAnywhere_ErrorCodeNoCredentials()
    {
        using var environment = CredentialEnvironment.WithoutAny();
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
        using var environment = CredentialEnvironment.WithoutAny()
            .Set("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENTKEY01")
            .Set("AWS_SECRET_ACCESS_KEY", "environmentSecretKeyEnvironmentSecretKe");
        await using var server = new CannedHttpServer(CannedResponse.Ok("""{"Jobs":[]}"""));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url) with { Credentials = null });

        await client.ListExportJobsAsync(TestSettings.OrganizationId, null, 10, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Contains("Credential=AKIAENVIRONMENTKEY01/", request.Headers["authorization"], StringComparison.Ordinal);
        Assert.Contains($"/{TestSettings.Region}/workmail/aws4_request", request.Headers["authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListExportJobsAsync_RoleButNoSourceCredentials_NoCredentialsBeforeAnyRequest()
    {
        using var environment = CredentialEnvironment.WithoutAny();
        await using var server = new CannedHttpServer(CannedResponse.Ok("""{"Jobs":[]}"""));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url) with
        {
            Credentials = null,
            AssumeRole = new WorkMailAssumeRole("arn:aws:iam::111122223333:role/watcher"),
            StsServiceUrl = server.Url,
        });

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.ListExportJobsAsync(TestSettings.OrganizationId, null, 10, CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.NoCredentials, exception.ErrorCode);
        Assert.True(exception.CredentialsFailed);
        Assert.Null(exception.FailedCredentialSource);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task DescribeExportJobAsync_WebIdentityRefusedBySts_NoCredentialsAndCredentialsFailed()
    {
        await using var sts = new CannedHttpServer(new CannedResponse(
            HttpStatusCode.BadRequest,
            """<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>canned</Message></Error><RequestId>r-1</RequestId></ErrorResponse>""",
            "text/xml"));

        var exception = await DescribeWithWebIdentityAsync(sts.Url);

        Assert.Equal(WorkMailErrorCodes.NoCredentials, exception.ErrorCode);
        Assert.True(exception.CredentialsFailed);
        Assert.Contains("getting web identity credentials from STS failed", exception.Message, StringComparison.Ordinal);
        Assert.Equal(WorkMailCredentialSources.WebIdentity, exception.FailedCredentialSource);
        Assert.NotEmpty(sts.Requests);
    }

    [Fact]
    public async Task DescribeExportJobAsync_WebIdentityStsUnreachable_NetworkAndCredentialsFailed()
    {
        var exception = await DescribeWithWebIdentityAsync(new Uri($"http://127.0.0.1:{ClosedPort()}/"));

        Assert.Equal(WorkMailErrorCodes.Network, exception.ErrorCode);
        Assert.True(exception.CredentialsFailed);
        Assert.Contains("getting web identity credentials from STS failed", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<WorkMailException> DescribeWithWebIdentityAsync(Uri stsUrl)
    {
        var tokenFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(tokenFile, "canned-web-identity-token");
        try
        {
            using var environment = CredentialEnvironment.WithoutAny()
                .Set("AWS_ROLE_ARN", "arn:aws:iam::111122223333:role/watcher-irsa")
                .Set("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile)
                .Set("AWS_ENDPOINT_URL_STS", stsUrl.ToString());
            await using var workMail = new CannedHttpServer(CannedResponse.Ok("{}"));
            using var client = new WorkMailExportJobsClient(TestSettings.For(workMail.Url) with { Credentials = null });

            var exception = await Assert.ThrowsAsync<WorkMailException>(
                () => client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", CancellationToken.None));

            Assert.Empty(workMail.Requests);
            return exception;
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
