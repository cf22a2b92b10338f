using Watcher.WorkMail.Model;
using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Transform;

public sealed class ListResponseUnmarshallingTests
{
    private const string Job1 = """{"JobId":"job-1","EntityId":"e-1","Description":"d","S3BucketName":"b","S3Path":"p/1.zip","EstimatedProgress":10,"State":"RUNNING","StartTime":1700000000.25}""";

    private const string Job2 = """{"JobId":"job-2","EstimatedProgress":100,"State":"COMPLETED","StartTime":1700000000,"EndTime":1700000500.75,"Unmodeled":{"JobId":"x"}}""";

    [Fact]
    public async Task ListExportJobsAsync_TwoJobsAndToken_MapsThem()
    {
        var page = await ListAsync($$"""{"Jobs":[{{Job1}},{{Job2}}],"NextToken":"next-page"}""");

        Assert.Equal("next-page", page.NextToken);
        Assert.Collection(
            page.Jobs,
            first =>
            {
                Assert.Equal("job-1", first.JobId);
                Assert.Equal("e-1", first.EntityId);
                Assert.Equal("d", first.Description);
                Assert.Equal("b", first.S3BucketName);
                Assert.Equal("p/1.zip", first.S3Path);
                Assert.Equal(10, first.EstimatedProgress);
                Assert.Equal(ExportJobState.Running, first.State);
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddMilliseconds(250), first.StartTime);
                Assert.Null(first.EndTime);
            },
            second =>
            {
                Assert.Equal("job-2", second.JobId);
                Assert.Equal(ExportJobState.Completed, second.State);
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_500).AddMilliseconds(750), second.EndTime);
                Assert.Equal(TimeSpan.Zero, second.EndTime!.Value.Offset);
            });
    }

    [Theory]
    [InlineData("""{"Jobs":[]}""")]
    [InlineData("""{}""")]
    [InlineData("""{"Jobs":null,"NextToken":null}""")]
    [InlineData("""{"Jobs":[],"NextToken":""}""")]
    public async Task ListExportJobsAsync_NoJobs_EmptyLastPage(string body)
    {
        var page = await ListAsync(body);

        Assert.Empty(page.Jobs);
        Assert.Null(page.NextToken);
    }

    [Theory]
    [InlineData("""{"Jobs":{"JobId":"job-1"}}""", "Jobs")]
    [InlineData("""{"Jobs":[JOB1, "job-2"]}""", "Jobs[1]")]
    [InlineData("""{"Jobs":[JOB1, null]}""", "Jobs[1]")]
    [InlineData("""{"Jobs":[{"State":"RUNNING","StartTime":1}]}""", "Jobs[0].JobId")]
    [InlineData("""{"Jobs":[JOB1, {"JobId":"job-2","State":"RUNNING","StartTime":"soon"}]}""", "Jobs[1].StartTime")]
    [InlineData("""{"Jobs":[JOB1, {"JobId":"job-2","State":"RUNNING"}]}""", "Jobs[1].StartTime")]
    [InlineData("""{"Jobs":[{"JobId":"job-2","State":"DONE","StartTime":1}]}""", "Jobs[0].State")]
    [InlineData("""{"Jobs":[{"JobId":"job-2","State":"RUNNING","StartTime":1,"EstimatedProgress":250}]}""", "Jobs[0].EstimatedProgress")]
    [InlineData("""{"Jobs":[],"NextToken":5}""", "NextToken")]
    public async Task ListExportJobsAsync_BadMember_MalformedResponseNamingIt(string body, string member)
    {
        var exception = await Assert.ThrowsAsync<WorkMailException>(() => ListAsync(body.Replace("JOB1", Job1, StringComparison.Ordinal)));

        Assert.Equal(WorkMailErrorCodes.MalformedResponse, exception.ErrorCode);
        Assert.Contains(member, exception.Message, StringComparison.Ordinal);
    }

    private static async Task<ExportJobPage> ListAsync(string body)
    {
        await using var server = new CannedHttpServer(CannedResponse.Ok(body));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url));
        return await client.ListExportJobsAsync(TestSettings.OrganizationId, null, 100, CancellationToken.None);
    }
}
