using System.Collections.Concurrent;
using System.Net;
using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Pipeline;

/// <summary>
/// The SDK's retry quota (AWSSDK.Core 4.1: 500 tokens per endpoint for the whole process; a retry of a 5xx costs 14,
/// of a throttling error 5; an answer at the first attempt gives 1 back). Each test has an endpoint of its own (a
/// unique path), so the bucket it drains is no other test's.
/// </summary>
public sealed class RetryQuotaObserverHandlerTests
{
    private const int QuotaTokens = 500;
    private const int ServerErrorRetryCost = 14;

    [Fact]
    public async Task DescribeExportJobAsync_ServerErrorsDrainTheQuota_ReportsEachRefusedRetry()
    {
        await using var server = new CannedHttpServer(CannedResponse.Error(HttpStatusCode.InternalServerError, "InternalFailure"));
        var retries = new ConcurrentQueue<WorkMailRetry>();
        var refused = new ConcurrentQueue<WorkMailRetry>();
        using var client = new WorkMailExportJobsClient(Settings(server, maxAttempts: 2) with { OnRetry = retries.Enqueue, OnRetryRefused = refused.Enqueue });
        const int calls = 40;

        for (var i = 0; i < calls; i++)
        {
            var exception = await Assert.ThrowsAsync<WorkMailException>(() => client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", CancellationToken.None));
            Assert.Equal("InternalFailure", exception.ErrorCode);
        }

        const int paid = QuotaTokens / ServerErrorRetryCost;
        Assert.Equal(paid, retries.Count);
        Assert.Equal(calls - paid, refused.Count);
        Assert.All(refused, r => Assert.Equal(new WorkMailRetry(WorkMailOperations.DescribeMailboxExportJob, TestSettings.OrganizationId, "InternalFailure"), r));
        Assert.Equal((paid * 2) + (calls - paid), server.Requests.Count);
    }

    [Fact]
    public async Task ListExportJobsAsync_AttemptsUsedUp_ReportsNoRefusal()
    {
        await using var server = new CannedHttpServer(CannedResponse.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"));
        var refused = new ConcurrentQueue<WorkMailRetry>();
        using var client = new WorkMailExportJobsClient(Settings(server, maxAttempts: 3) with { OnRetryRefused = refused.Enqueue });

        await Assert.ThrowsAsync<WorkMailException>(() => client.ListExportJobsAsync(TestSettings.OrganizationId, null, 10, CancellationToken.None));

        Assert.Equal(3, server.Requests.Count);
        Assert.Empty(refused);
    }

    [Fact]
    public async Task DescribeExportJobAsync_RetryableThenNonRetryableError_ReportsNoRefusal()
    {
        await using var server = new CannedHttpServer(
            CannedResponse.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"),
            CannedResponse.Error(HttpStatusCode.BadRequest, "InvalidParameterException"));
        var refused = new ConcurrentQueue<WorkMailRetry>();
        using var client = new WorkMailExportJobsClient(Settings(server, maxAttempts: 3) with { OnRetryRefused = refused.Enqueue });

        var exception = await Assert.ThrowsAsync<WorkMailException>(() => client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", CancellationToken.None));

        Assert.Equal("InvalidParameterException", exception.ErrorCode);
        Assert.Equal(2, server.Requests.Count);
        Assert.Empty(refused);
    }

    private static WorkMailClientSettings Settings(CannedHttpServer server, int maxAttempts) =>
        TestSettings.For(new Uri(server.Url, $"quota-{Guid.NewGuid():N}/"), maxAttempts);
}
