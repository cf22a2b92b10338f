using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests.Operations;

public class StartMailboxExportJobTests
{
    private const string Operation = "StartMailboxExportJob";

    [Fact]
    public async Task Start_ValidInput_CreatesRunningJobWithModelJobId()
    {
        await using var harness = await SimulatorHarness.StartAsync(new SimulatorOptions { StartedJobDuration = TimeSpan.FromMinutes(4) });

        var response = await harness.Client.CallAsync(Operation, TestData.StartInput());

        Assert.Equal(200, response.StatusCode);
        var jobId = response.Json.GetProperty("JobId").GetString()!;
        Assert.Matches("^[A-Za-z0-9-]{1,63}$", jobId);
        var view = harness.Store.Describe(TestData.OrganizationId, jobId)!;
        Assert.Equal(("RUNNING", 0, "j.doe@example.com", "Legal hold export", "holds/2024"), (view.State, view.EstimatedProgress, view.EntityId, view.Description, view.S3Prefix));
        harness.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal("COMPLETED", harness.Store.Describe(TestData.OrganizationId, jobId)!.State);
    }

    [Fact]
    public async Task Start_SameClientToken_ReturnsSameJob()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var first = await harness.Client.CallAsync(Operation, TestData.StartInput("token-1"));
        var second = await harness.Client.CallAsync(Operation, TestData.StartInput("token-1"));
        var third = await harness.Client.CallAsync(Operation, TestData.StartInput("token-2"));

        Assert.Equal(first.Json.GetProperty("JobId").GetString(), second.Json.GetProperty("JobId").GetString());
        Assert.NotEqual(first.Json.GetProperty("JobId").GetString(), third.Json.GetProperty("JobId").GetString());
        Assert.Equal(2, harness.Store.JobIds(TestData.OrganizationId).Count);
    }

    [Fact]
    public async Task Start_UnknownOrganization_400OrganizationNotFound()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var input = TestData.StartInput();
        input["OrganizationId"] = TestData.OtherOrganizationId;

        var response = await harness.Client.CallAsync(Operation, input);

        Assert.Equal("OrganizationNotFoundException", response.ErrorCode);
    }

    [Fact]
    public async Task Start_RunningLimitReached_400LimitExceeded()
    {
        await using var harness = await SimulatorHarness.StartAsync(new SimulatorOptions { MaxRunningJobsPerOrganization = 1 });

        var first = await harness.Client.CallAsync(Operation, TestData.StartInput());
        var second = await harness.Client.CallAsync(Operation, TestData.StartInput());

        Assert.Equal(200, first.StatusCode);
        Assert.Equal("com.amazonaws.workmail#LimitExceededException", second.ErrorType);
    }

    [Theory]
    [InlineData("ClientToken", null)]
    [InlineData("ClientToken", "")]
    [InlineData("ClientToken", "has space")]
    [InlineData("OrganizationId", null)]
    [InlineData("OrganizationId", "m-123")]
    [InlineData("EntityId", null)]
    [InlineData("EntityId", "john doe")]
    [InlineData("RoleArn", null)]
    [InlineData("RoleArn", "arn:aws:s3:::bucket-name-here")]
    [InlineData("KmsKeyArn", null)]
    [InlineData("KmsKeyArn", "arn:aws:iam::111122223333:role/NotAKey")]
    [InlineData("S3BucketName", null)]
    [InlineData("S3BucketName", "bucket_name")]
    [InlineData("S3BucketName", "a-bucket-name-that-is-much-longer-than-sixty-three-characters-long")]
    [InlineData("S3Prefix", null)]
    [InlineData("S3Prefix", "prefix with spaces")]
    [InlineData("S3Prefix", "")]
    public async Task Start_BrokenMember_400InvalidParameter(string member, string? value)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var input = TestData.StartInput();
        if (value is null)
        {
            input.Remove(member);
        }
        else
        {
            input[member] = value;
        }

        var response = await harness.Client.CallAsync(Operation, input);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("InvalidParameterException", response.ErrorCode);
        Assert.Empty(harness.Store.JobIds(TestData.OrganizationId));
    }

    [Fact]
    public async Task Start_DescriptionTooLong_400InvalidParameter()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var input = TestData.StartInput();
        input["Description"] = new string('d', 1024);

        var response = await harness.Client.CallAsync(Operation, input);

        Assert.Contains("length less than or equal to 1023", response.Message, StringComparison.Ordinal);
    }
}
