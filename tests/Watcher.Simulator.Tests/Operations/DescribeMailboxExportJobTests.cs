using System.Globalization;
using System.Text.Json;
using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests.Operations;

public class DescribeMailboxExportJobTests
{
    private const string Operation = "DescribeMailboxExportJob";

    [Fact]
    public async Task Describe_RunningJob_ReturnsModelMembersWithoutNulls()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var jobId = harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob
        {
            Description = "Hold export",
            S3BucketName = "example-exports",
            S3Prefix = "holds/2024",
            StartOffset = TimeSpan.FromMinutes(-3),
            Duration = TimeSpan.FromMinutes(10),
        });

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, JobId = jobId });

        Assert.Equal(200, response.StatusCode);
        var json = response.Json;
        Assert.Equal(
            ["EntityId", "Description", "RoleArn", "KmsKeyArn", "S3BucketName", "S3Prefix", "S3Path", "EstimatedProgress", "State", "StartTime"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(30, json.GetProperty("EstimatedProgress").GetInt32());
        Assert.Equal("RUNNING", json.GetProperty("State").GetString());
        Assert.Equal($"holds/2024/{jobId}.zip", json.GetProperty("S3Path").GetString());
        Assert.Equal(harness.Time.GetUtcNow().AddMinutes(-3).ToUnixTimeSeconds(), json.GetProperty("StartTime").GetDouble());
    }

    [Fact]
    public async Task Describe_Timestamps_EpochSecondsWithFraction()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Time.Advance(TimeSpan.FromMilliseconds(345));
        var jobId = harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob { StartOffset = TimeSpan.FromMinutes(-20), Duration = TimeSpan.FromMinutes(10) });

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, JobId = jobId });

        var start = harness.Time.GetUtcNow().AddMinutes(-20);
        Assert.Contains($"\"StartTime\":{start.ToUnixTimeSeconds()}.345", response.Body, StringComparison.Ordinal);
        Assert.Contains($"\"EndTime\":{start.AddMinutes(10).ToUnixTimeSeconds()}.345", response.Body, StringComparison.Ordinal);
        Assert.Equal("COMPLETED", response.Json.GetProperty("State").GetString());
    }

    [Fact]
    public async Task Describe_FailedJob_ReturnsErrorInfoAndEndTime()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var jobId = harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob
        {
            StartOffset = TimeSpan.FromMinutes(-10),
            Duration = TimeSpan.FromMinutes(10),
            Outcome = SimulatedOutcome.Fail,
            OutcomeAtProgress = 40,
            ErrorInfo = "Bucket policy denies s3:PutObject",
        });

        var json = (await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, JobId = jobId })).Json;

        Assert.Equal("FAILED", json.GetProperty("State").GetString());
        Assert.Equal(40, json.GetProperty("EstimatedProgress").GetInt32());
        Assert.Equal("Bucket policy denies s3:PutObject", json.GetProperty("ErrorInfo").GetString());
        Assert.Equal(harness.Time.GetUtcNow().AddMinutes(-6).ToUnixTimeSeconds(), json.GetProperty("EndTime").GetDouble());
    }

    [Fact]
    public async Task Describe_UnknownJob_400EntityNotFound()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, JobId = "no-such-job" });

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("com.amazonaws.workmail#EntityNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task Describe_JobOfOtherOrganization_400EntityNotFound()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Store.AddOrganization(TestData.OtherOrganizationId);
        var jobId = harness.Store.AddJob(TestData.OtherOrganizationId, new SimulatedJob { Duration = TimeSpan.FromMinutes(5) });

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, JobId = jobId });

        Assert.Equal("EntityNotFoundException", response.ErrorCode);
    }

    [Fact]
    public async Task Describe_UnknownOrganization_400OrganizationNotFound()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OtherOrganizationId, JobId = "job-1" });

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("com.amazonaws.workmail#OrganizationNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task Describe_InactiveOrganization_400OrganizationState()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Store.SetOrganizationActive(TestData.OrganizationId, active: false);

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, JobId = "job-1" });

        Assert.Equal("OrganizationStateException", response.ErrorCode);
    }

    [Theory]
    [InlineData("OrganizationId", null, "Member must not be null")]
    [InlineData("OrganizationId", "m-0123456789ABCDEF0123456789abcdef", "regular expression pattern")]
    [InlineData("OrganizationId", "m-0123456789abcdef0123456789abcde", "length greater than or equal to 34")]
    [InlineData("OrganizationId", "0123456789abcdef0123456789abcdef12", "regular expression pattern")]
    [InlineData("OrganizationId", "m-0123456789abcdef0123456789abcde\n", "regular expression pattern")]
    [InlineData("JobId", null, "Member must not be null")]
    [InlineData("JobId", "", "length greater than or equal to 1")]
    [InlineData("JobId", "job_1", "regular expression pattern")]
    [InlineData("JobId", "job 1", "regular expression pattern")]
    [InlineData("JobId", "0123456789012345678901234567890123456789012345678901234567890123", "length less than or equal to 63")]
    public async Task Describe_BrokenMember_400InvalidParameter(string member, string? value, string expectedMessagePart)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var input = new Dictionary<string, object?> { ["OrganizationId"] = TestData.OrganizationId, ["JobId"] = "job-1" };
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
        Assert.Equal("com.amazonaws.workmail#InvalidParameterException", response.ErrorType);
        Assert.Contains(expectedMessagePart, response.Message, StringComparison.Ordinal);
        Assert.Contains(char.ToLower(member[0], CultureInfo.InvariantCulture) + member[1..], response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_TwoBrokenMembers_ReportsBoth()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = "bad", JobId = "bad id" });

        Assert.StartsWith("3 validation errors detected", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_JobStartingInFuture_EntityNotFoundUntilStart()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var jobId = harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob { StartOffset = TimeSpan.FromMinutes(5), Duration = TimeSpan.FromMinutes(10) });
        var input = new { OrganizationId = TestData.OrganizationId, JobId = jobId };

        var before = await harness.Client.CallAsync(Operation, input);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var after = await harness.Client.CallAsync(Operation, input);

        Assert.Equal("EntityNotFoundException", before.ErrorCode);
        Assert.Equal(JsonValueKind.Object, after.Json.ValueKind);
        Assert.Equal(0, after.Json.GetProperty("EstimatedProgress").GetInt32());
    }
}
