using System.Net;
using System.Net.Sockets;
using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Adapter;

public sealed class WorkMailExportJobsClientFailureTests
{
    [Fact]
    public async Task DescribeExportJobAsync_AnswerSlowerThanTimeout_ErrorCodeTimeout()
    {
        await using var server = new CannedHttpServer(CannedResponse.Ok("{}") with { Delay = TimeSpan.FromSeconds(5) });
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url) with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.Timeout, exception.ErrorCode);
        Assert.Null(exception.StatusCode);
    }

    [Fact]
    public async Task ListExportJobsAsync_ConnectionRefused_ErrorCodeNetwork()
    {
        using var client = new WorkMailExportJobsClient(TestSettings.For(ClosedLoopbackPort()));

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.ListExportJobsAsync(TestSettings.OrganizationId, null, 10, CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.Network, exception.ErrorCode);
    }

    [Fact]
    public async Task DescribeExportJobAsync_CallerCancels_OperationCanceledException()
    {
        await using var server = new CannedHttpServer(CannedResponse.Ok("{}") with { Delay = TimeSpan.FromSeconds(5) });
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", cancellation.Token));
    }

    [Fact]
    public async Task DescribeExportJobAsync_AlreadyCancelled_OperationCanceledException()
    {
        await using var server = new CannedHttpServer(CannedResponse.Ok("{}"));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task DescribeExportJobAsync_Failure_MessageHasNoSecret()
    {
        await using var server = new CannedHttpServer(CannedResponse.Error(HttpStatusCode.Forbidden, "AccessDeniedException", "denied"));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url));

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", CancellationToken.None));

        Assert.DoesNotContain(TestSettings.Keys.SecretAccessKey, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.Keys.SecretAccessKey, TestSettings.Keys.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task ListExportJobsAsync_MaxResultsOutOfRange_ArgumentOutOfRange(int maxResults)
    {
        await using var server = new CannedHttpServer(CannedResponse.Ok("{}"));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => client.ListExportJobsAsync(TestSettings.OrganizationId, null, maxResults, CancellationToken.None));
    }

    private static Uri ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
