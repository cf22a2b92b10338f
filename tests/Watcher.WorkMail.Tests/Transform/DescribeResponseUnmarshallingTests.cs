using Watcher.WorkMail.Model;
using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Transform;

public sealed class DescribeResponseUnmarshallingTests
{
    private const string ValidBody = """
        {
          "EntityId": "S-1-1-11-1111111111-2222222222-3333333333-3333",
          "Description": "legal hold",
          "RoleArn": "arn:aws:iam::111122223333:role/export",
          "KmsKeyArn": "arn:aws:kms:eu-west-1:111122223333:key/abcd",
          "S3BucketName": "bucket",
          "S3Prefix": "prefix",
          "S3Path": "prefix/job-1.zip",
          "EstimatedProgress": 42,
          "State": "RUNNING",
          "StartTime": 1700000000.123456,
          "EndTime": null
        }
        """;

    [Fact]
    public async Task DescribeExportJobAsync_ValidBody_MapsEveryMember()
    {
        var job = await DescribeAsync(ValidBody);

        Assert.Equal(TestSettings.OrganizationId, job.OrganizationId);
        Assert.Equal("job-1", job.JobId);
        Assert.Equal("S-1-1-11-1111111111-2222222222-3333333333-3333", job.EntityId);
        Assert.Equal("legal hold", job.Description);
        Assert.Equal("arn:aws:iam::111122223333:role/export", job.RoleArn);
        Assert.Equal("arn:aws:kms:eu-west-1:111122223333:key/abcd", job.KmsKeyArn);
        Assert.Equal("bucket", job.S3BucketName);
        Assert.Equal("prefix", job.S3Prefix);
        Assert.Equal("prefix/job-1.zip", job.S3Path);
        Assert.Equal(42, job.EstimatedProgress);
        Assert.Equal(ExportJobState.Running, job.State);
        Assert.Null(job.ErrorInfo);
        Assert.Null(job.EndTime);
    }

    [Fact]
    public async Task DescribeExportJobAsync_EpochWithFraction_ParsesToExactUtc()
    {
        var job = await DescribeAsync(ValidBody.Replace("\"EndTime\": null", "\"EndTime\": 1700000060.5", StringComparison.Ordinal));

        var expectedStart = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddTicks(1_234_560);
        Assert.Equal(expectedStart, job.StartTime);
        Assert.Equal(TimeSpan.Zero, job.StartTime.Offset);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_060).AddMilliseconds(500), job.EndTime);
        Assert.Equal(TimeSpan.Zero, job.EndTime!.Value.Offset);
    }

    [Fact]
    public async Task DescribeExportJobAsync_UnknownMembers_AreSkipped()
    {
        const string body = """
            {
              "Future": {"State": "BOGUS", "EstimatedProgress": "x", "Nested": [1, {"StartTime": "no"}]},
              "State": "COMPLETED",
              "List": [{"State": "BOGUS"}, "RUNNING", 3, true, null],
              "EstimatedProgress": 100,
              "Flag": false,
              "StartTime": 1700000000,
              "EndTime": 1700000100,
              "ErrorInfo": null,
              "Trailing": "value"
            }
            """;

        var job = await DescribeAsync(body);

        Assert.Equal(ExportJobState.Completed, job.State);
        Assert.Equal(100, job.EstimatedProgress);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_100), job.EndTime);
    }

    [Theory]
    [InlineData("COMPLETED", ExportJobState.Completed)]
    [InlineData("FAILED", ExportJobState.Failed)]
    [InlineData("CANCELLED", ExportJobState.Cancelled)]
    public async Task DescribeExportJobAsync_EachState_Maps(string wire, ExportJobState expected)
    {
        var job = await DescribeAsync(ValidBody.Replace("RUNNING", wire, StringComparison.Ordinal));

        Assert.Equal(expected, job.State);
    }

    [Theory]
    [InlineData("\"EstimatedProgress\": 42", "\"EstimatedProgress\": \"fifty\"", "EstimatedProgress")]
    [InlineData("\"EstimatedProgress\": 42", "\"EstimatedProgress\": 42.5", "EstimatedProgress")]
    [InlineData("\"EstimatedProgress\": 42", "\"EstimatedProgress\": 101", "EstimatedProgress")]
    [InlineData("\"EstimatedProgress\": 42", "\"EstimatedProgress\": -1", "EstimatedProgress")]
    [InlineData("\"State\": \"RUNNING\"", "\"State\": \"PAUSED\"", "State")]
    [InlineData("\"State\": \"RUNNING\"", "\"State\": 3", "State")]
    [InlineData("\"State\": \"RUNNING\",", "", "State")]
    [InlineData("\"StartTime\": 1700000000.123456,", "", "StartTime")]
    [InlineData("\"StartTime\": 1700000000.123456", "\"StartTime\": \"yesterday\"", "StartTime")]
    [InlineData("\"StartTime\": 1700000000.123456", "\"StartTime\": {\"seconds\": 1}", "StartTime")]
    [InlineData("\"StartTime\": 1700000000.123456", "\"StartTime\": 1e300", "StartTime")]
    [InlineData("\"S3Path\": \"prefix/job-1.zip\"", "\"S3Path\": [\"a\"]", "S3Path")]
    public async Task DescribeExportJobAsync_BadMember_MalformedResponseNamingIt(string find, string replace, string member)
    {
        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => DescribeAsync(ValidBody.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal(WorkMailErrorCodes.MalformedResponse, exception.ErrorCode);
        Assert.Contains(member, exception.Message, StringComparison.Ordinal);
        Assert.Contains(WorkMailOperations.DescribeMailboxExportJob, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"State\": \"RUNNING\", ")]
    [InlineData("<html><body>gateway</body></html>")]
    public async Task DescribeExportJobAsync_UnparseableBody_MalformedResponse(string body)
    {
        var exception = await Assert.ThrowsAsync<WorkMailException>(() => DescribeAsync(body));

        Assert.Equal(WorkMailErrorCodes.MalformedResponse, exception.ErrorCode);
        Assert.Contains(WorkMailOperations.DescribeMailboxExportJob, exception.Message, StringComparison.Ordinal);
    }

    private static async Task<ExportJobDetails> DescribeAsync(string body)
    {
        await using var server = new CannedHttpServer(CannedResponse.Ok(body));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url));
        return await client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", CancellationToken.None);
    }
}
