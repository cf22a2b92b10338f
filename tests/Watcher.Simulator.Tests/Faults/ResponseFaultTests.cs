using System.Text;
using System.Text.Json;
using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests.Faults;

public sealed class ResponseFaultTests
{
    private const string JobId = "job-1";
    private const string OtherJobId = "job-2";

    private static readonly object ListInput = new { OrganizationId = TestData.OrganizationId };

    private static object DescribeInput(string jobId = JobId) => new { OrganizationId = TestData.OrganizationId, JobId = jobId };

    [Fact]
    public async Task ResponseFault_MalformedJson_DescribeBodyIsNotJson()
    {
        await using var harness = await StartAsync(ResponseFault.MalformedJson);

        var response = await harness.Client.CallAsync("DescribeMailboxExportJob", DescribeInput());

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.ContentType);
        Assert.StartsWith("{ this is not JSON, ", response.Body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(response.Body));
    }

    [Fact]
    public async Task ResponseFault_TruncatedJson_ListBodyCutMidJsonWithMatchingLength()
    {
        await using var harness = await StartAsync(ResponseFault.TruncatedJson);

        var raw = await harness.Client.CallRawAsync("ListMailboxExportJobs", ListInput);

        Assert.Null(raw.Failure);
        Assert.Equal(200, raw.StatusCode);
        Assert.Equal(raw.Body.Length, raw.ContentLength);
        Assert.StartsWith("{\"Jobs\":[{", Encoding.UTF8.GetString(raw.Body), StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(raw.Body));
    }

    [Fact]
    public async Task ResponseFault_TruncatedContentLength_DeclaresMoreThanSentThenCloses()
    {
        await using var harness = await StartAsync(ResponseFault.TruncatedContentLength);

        var raw = await harness.Client.CallRawAsync("DescribeMailboxExportJob", DescribeInput());

        Assert.Equal(200, raw.StatusCode);
        Assert.NotNull(raw.Failure);
        Assert.NotNull(raw.ContentLength);
        Assert.InRange(raw.Body.Length, 1, (int)raw.ContentLength!.Value - 1);
    }

    [Fact]
    public async Task ResponseFault_ResetMidBody_PartOfBodyThenConnectionAborted()
    {
        await using var harness = await StartAsync(ResponseFault.ResetMidBody);

        var raw = await harness.Client.CallRawAsync("DescribeMailboxExportJob", DescribeInput());

        Assert.Equal(200, raw.StatusCode);
        Assert.Null(raw.ContentLength);
        Assert.IsAssignableFrom<IOException>(raw.Failure);
        Assert.NotEmpty(raw.Body);
        Assert.StartsWith("{\"EntityId\"", Encoding.UTF8.GetString(raw.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseFault_CloseWithoutAnswer_NoStatusNoBody()
    {
        await using var harness = await StartAsync(ResponseFault.CloseWithoutAnswer);

        var raw = await harness.Client.CallRawAsync("ListMailboxExportJobs", ListInput);

        Assert.Null(raw.StatusCode);
        Assert.Empty(raw.Body);
        Assert.IsType<HttpRequestException>(raw.Failure);
        Assert.Equal(ResponseFault.CloseWithoutAnswer, Assert.Single(harness.Simulator.Requests.All).ResponseFault);
    }

    [Theory]
    [InlineData(ResponseFault.WrongMemberType, "EstimatedProgress", "\"fifty\"")]
    [InlineData(ResponseFault.UnknownState, "State", "\"PAUSED\"")]
    [InlineData(ResponseFault.ProgressAbove100, "EstimatedProgress", "150")]
    [InlineData(ResponseFault.ProgressBelowZero, "EstimatedProgress", "-1")]
    public async Task ResponseFault_MemberFault_DescribeMemberChanged(ResponseFault fault, string member, string rawValue)
    {
        await using var harness = await StartAsync(fault);

        var response = await harness.Client.CallAsync("DescribeMailboxExportJob", DescribeInput());

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(rawValue, response.Json.GetProperty(member).GetRawText());
        Assert.True(response.Json.TryGetProperty("StartTime", out _));
    }

    [Fact]
    public async Task ResponseFault_MissingStartTime_DescribeHasNoStartTime()
    {
        await using var harness = await StartAsync(ResponseFault.MissingStartTime);

        var response = await harness.Client.CallAsync("DescribeMailboxExportJob", DescribeInput());

        Assert.False(response.Json.TryGetProperty("StartTime", out _));
        Assert.Equal("RUNNING", response.Json.GetProperty("State").GetString());
    }

    [Fact]
    public async Task ResponseFaultJobId_MemberFault_ListChangesOnlyThatJob()
    {
        await using var harness = await StartAsync(ResponseFault.UnknownState, JobId);

        var response = await harness.Client.CallAsync("ListMailboxExportJobs", ListInput);

        var states = response.Json.GetProperty("Jobs").EnumerateArray()
            .ToDictionary(j => j.GetProperty("JobId").GetString()!, j => j.GetProperty("State").GetString());
        Assert.Equal("PAUSED", states[JobId]);
        Assert.Equal("RUNNING", states[OtherJobId]);
        Assert.Equal(ResponseFault.UnknownState, Assert.Single(harness.Simulator.Requests.All).ResponseFault);
    }

    [Fact]
    public async Task ResponseFaultJobId_OtherJob_DescribeUntouched()
    {
        await using var harness = await StartAsync(ResponseFault.MalformedJson, JobId);

        var other = await harness.Client.CallAsync("DescribeMailboxExportJob", DescribeInput(OtherJobId));
        var target = await harness.Client.CallAsync("DescribeMailboxExportJob", DescribeInput(JobId));

        Assert.Equal("RUNNING", other.Json.GetProperty("State").GetString());
        Assert.StartsWith("{ this is not JSON", target.Body, StringComparison.Ordinal);
        Assert.Equal([ResponseFault.None, ResponseFault.MalformedJson], harness.Simulator.Requests.All.Select(r => r.ResponseFault));
    }

    [Fact]
    public async Task ResponseFaultJobId_PageWithoutJob_ListUntouched()
    {
        await using var harness = await StartAsync(ResponseFault.CloseWithoutAnswer, "job-not-listed");

        var response = await harness.Client.CallAsync("ListMailboxExportJobs", ListInput);

        Assert.Equal(2, response.Json.GetProperty("Jobs").GetArrayLength());
    }

    [Fact]
    public async Task ResponseFault_ErrorAnswer_LeftAlone()
    {
        await using var harness = await StartAsync(ResponseFault.MalformedJson);

        var response = await harness.Client.CallAsync("DescribeMailboxExportJob", DescribeInput("no-such-job"));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("EntityNotFoundException", response.ErrorCode);
    }

    [Fact]
    public async Task ResponseFault_Reset_AnswersWholeAgain()
    {
        await using var harness = await StartAsync(ResponseFault.TruncatedJson, JobId);
        harness.Simulator.Faults.Reset();

        var response = await harness.Client.CallAsync("DescribeMailboxExportJob", DescribeInput());

        Assert.Equal((ResponseFault.None, (string?)null), (harness.Simulator.Faults.ResponseFault, harness.Simulator.Faults.ResponseFaultJobId));
        Assert.Equal(0, response.Json.GetProperty("EstimatedProgress").GetInt32());
    }

    [Theory]
    [InlineData(CredentialFault.UnrecognizedClient, "UnrecognizedClientException")]
    [InlineData(CredentialFault.ExpiredToken, "ExpiredTokenException")]
    [InlineData(CredentialFault.AccessDenied, "AccessDeniedException")]
    public async Task CredentialFault_Set_Every403WithItsCode(CredentialFault fault, string code)
    {
        await using var harness = await StartAsync(ResponseFault.None);
        harness.Simulator.Faults.CredentialFault = fault;

        var describe = await harness.Client.CallAsync("DescribeMailboxExportJob", DescribeInput());
        var list = await harness.Client.CallAsync("ListMailboxExportJobs", ListInput);

        Assert.All([describe, list], r => Assert.Equal((403, code), (r.StatusCode, r.ErrorType)));
        Assert.Equal(code, describe.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.False(string.IsNullOrEmpty(describe.Message));
        Assert.All(harness.Simulator.Requests.All, r => Assert.Equal(code, r.ErrorCode));
    }

    [Fact]
    public void RejectCredentials_SameSwitchAsCredentialFault()
    {
        var faults = new SimulatorFaults();

        faults.RejectCredentials = true;
        var whenRejecting = faults.CredentialFault;
        faults.CredentialFault = CredentialFault.ExpiredToken;
        var rejectWhileExpired = faults.RejectCredentials;
        faults.RejectCredentials = false;

        Assert.Equal(CredentialFault.UnrecognizedClient, whenRejecting);
        Assert.False(rejectWhileExpired);
        Assert.Equal(CredentialFault.None, faults.CredentialFault);
    }

    [Fact]
    public void Enums_UndefinedValue_Throws()
    {
        var faults = new SimulatorFaults();

        Assert.Throws<ArgumentOutOfRangeException>(() => faults.ResponseFault = (ResponseFault)99);
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.CredentialFault = (CredentialFault)99);
    }

    private static async Task<SimulatorHarness> StartAsync(ResponseFault fault, string? jobId = null)
    {
        var harness = await SimulatorHarness.StartAsync();
        harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob { JobId = JobId, Duration = TimeSpan.FromHours(1) });
        harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob { JobId = OtherJobId, Duration = TimeSpan.FromHours(1) });
        harness.Simulator.Faults.ResponseFault = fault;
        harness.Simulator.Faults.ResponseFaultJobId = jobId;
        return harness;
    }
}
