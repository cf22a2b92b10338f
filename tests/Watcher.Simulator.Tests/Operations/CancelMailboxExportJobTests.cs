using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests.Operations;

public class CancelMailboxExportJobTests
{
    private const string Operation = "CancelMailboxExportJob";

    [Fact]
    public async Task Cancel_RunningJob_EmptyResponseAndJobCancelledAtCurrentProgress()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var jobId = harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob { StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromMinutes(20) });

        var response = await harness.Client.CallAsync(Operation, new { ClientToken = "c-1", OrganizationId = TestData.OrganizationId, JobId = jobId });
        harness.Time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("{}", response.Body);
        var view = harness.Store.Describe(TestData.OrganizationId, jobId)!;
        Assert.Equal(("CANCELLED", 25), (view.State, view.EstimatedProgress));
        Assert.Equal(harness.Time.GetUtcNow().AddMinutes(-30), view.EndTime);
    }

    [Fact]
    public async Task Cancel_CompletedJob_SucceedsAndChangesNothing()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var jobId = harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob { StartOffset = TimeSpan.FromHours(-1), Duration = TimeSpan.FromMinutes(20) });

        var response = await harness.Client.CallAsync(Operation, new { ClientToken = "c-1", OrganizationId = TestData.OrganizationId, JobId = jobId });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("COMPLETED", harness.Store.Describe(TestData.OrganizationId, jobId)!.State);
    }

    [Fact]
    public async Task Cancel_UnknownJob_400EntityNotFound()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { ClientToken = "c-1", OrganizationId = TestData.OrganizationId, JobId = "nope" });

        Assert.Equal("com.amazonaws.workmail#EntityNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task Cancel_UnknownOrganization_400OrganizationNotFound()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { ClientToken = "c-1", OrganizationId = TestData.OtherOrganizationId, JobId = "nope" });

        Assert.Equal("OrganizationNotFoundException", response.ErrorCode);
    }

    [Theory]
    [InlineData("ClientToken")]
    [InlineData("JobId")]
    [InlineData("OrganizationId")]
    public async Task Cancel_MissingRequiredMember_400InvalidParameter(string member)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var input = new Dictionary<string, object?> { ["ClientToken"] = "c-1", ["OrganizationId"] = TestData.OrganizationId, ["JobId"] = "job-1" };
        input.Remove(member);

        var response = await harness.Client.CallAsync(Operation, input);

        Assert.Equal("InvalidParameterException", response.ErrorCode);
        Assert.Contains("Member must not be null", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_ClientTokenTooLong_400InvalidParameter()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { ClientToken = new string('t', 129), OrganizationId = TestData.OrganizationId, JobId = "job-1" });

        Assert.Contains("length less than or equal to 128", response.Message, StringComparison.Ordinal);
    }
}
