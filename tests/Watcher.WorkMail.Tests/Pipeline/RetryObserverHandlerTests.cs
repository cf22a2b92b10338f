using System.Collections.Concurrent;
using System.Net;
using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Pipeline;

public sealed class RetryObserverHandlerTests
{
    [Fact]
    public async Task DescribeExportJobAsync_TwoServerErrorsThenSuccess_ReportsTwoRetries()
    {
        await using var server = new CannedHttpServer(
            CannedResponse.Error(HttpStatusCode.InternalServerError, "InternalFailure"),
            CannedResponse.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"),
            CannedResponse.Ok("""{"State":"RUNNING","EstimatedProgress":5,"StartTime":1700000000}"""));
        var retries = new ConcurrentQueue<WorkMailRetry>();
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url, maxAttempts: 3) with { OnRetry = retries.Enqueue });

        var job = await client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", CancellationToken.None);

        Assert.Equal(5, job.EstimatedProgress);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(
            [
                new WorkMailRetry(WorkMailOperations.DescribeMailboxExportJob, TestSettings.OrganizationId, "InternalFailure"),
                new WorkMailRetry(WorkMailOperations.DescribeMailboxExportJob, TestSettings.OrganizationId, "ServiceUnavailable"),
            ],
            retries);
    }

    [Fact]
    public async Task ListExportJobsAsync_NonRetryableError_ReportsNoRetry()
    {
        await using var server = new CannedHttpServer(CannedResponse.Error(HttpStatusCode.BadRequest, "InvalidParameterException"));
        var retries = new ConcurrentQueue<WorkMailRetry>();
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url, maxAttempts: 3) with { OnRetry = retries.Enqueue });

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.ListExportJobsAsync(TestSettings.OrganizationId, null, 10, CancellationToken.None));

        Assert.Equal("InvalidParameterException", exception.ErrorCode);
        Assert.Single(server.Requests);
        Assert.Empty(retries);
    }

    [Fact]
    public async Task ListExportJobsAsync_ServerErrorsExhaustAttempts_ReportsRetriesAndFinalCode()
    {
        await using var server = new CannedHttpServer(CannedResponse.Error(HttpStatusCode.InternalServerError, "InternalFailure"));
        var retries = new ConcurrentQueue<WorkMailRetry>();
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url, maxAttempts: 2) with { OnRetry = retries.Enqueue });

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.ListExportJobsAsync(TestSettings.OrganizationId, null, 10, CancellationToken.None));

        Assert.Equal("InternalFailure", exception.ErrorCode);
        Assert.Equal(500, exception.StatusCode);
        Assert.Equal(2, server.Requests.Count);
        var retry = Assert.Single(retries);
        Assert.Equal(new WorkMailRetry(WorkMailOperations.ListMailboxExportJobs, TestSettings.OrganizationId, "InternalFailure"), retry);
    }
}
