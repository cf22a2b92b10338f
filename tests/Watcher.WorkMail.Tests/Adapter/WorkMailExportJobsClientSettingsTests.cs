using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Adapter;

public sealed class WorkMailExportJobsClientSettingsTests
{
    private const string RunningJob = """{"State":"RUNNING","EstimatedProgress":1,"StartTime":1700000000}""";

    [Fact]
    public async Task DescribeExportJobAsync_SessionCredentials_SendsSecurityToken()
    {
        await using var server = new CannedHttpServer(CannedResponse.Ok(RunningJob));
        var settings = TestSettings.For(server.Url) with
        {
            Credentials = TestSettings.Keys with { SessionToken = "session-token-value" },
        };
        using var client = new WorkMailExportJobsClient(settings);

        await client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("session-token-value", request.Headers["x-amz-security-token"]);
        Assert.Contains("Credential=" + TestSettings.Keys.AccessKeyId + "/", request.Headers["authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeExportJobAsync_ServiceUrl_SignsForConfiguredRegion()
    {
        await using var server = new CannedHttpServer(CannedResponse.Ok(RunningJob));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url));

        await client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Contains($"/{TestSettings.Region}/workmail/aws4_request", request.Headers["authorization"], StringComparison.Ordinal);
        Assert.DoesNotContain("us-east-1", request.Headers["authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeExportJobAsync_AdaptiveRetryMode_Succeeds()
    {
        await using var server = new CannedHttpServer(CannedResponse.Ok(RunningJob));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url, maxAttempts: 3) with { RetryMode = WorkMailRetryMode.Adaptive });

        var job = await client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", CancellationToken.None);

        Assert.Equal(1, job.EstimatedProgress);
    }

    [Fact]
    public async Task DescribeExportJobAsync_FipsWithServiceUrl_UnknownNamingTheConflict()
    {
        await using var server = new CannedHttpServer(CannedResponse.Ok(RunningJob));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url) with { UseFipsEndpoint = true });

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.Unknown, exception.ErrorCode);
        Assert.Contains("FIPS and custom endpoint", exception.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
