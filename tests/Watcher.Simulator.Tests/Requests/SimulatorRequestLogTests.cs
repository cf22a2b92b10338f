using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests.Requests;

public class SimulatorRequestLogTests
{
    [Fact]
    public async Task Requests_SuccessAndError_RecordedWithDetails()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        await harness.Client.CallAsync("ListMailboxExportJobs", new { OrganizationId = TestData.OrganizationId });
        await harness.Client.CallAsync("DescribeMailboxExportJob", new { OrganizationId = TestData.OrganizationId, JobId = "nope" });

        var all = harness.Simulator.Requests.All;
        Assert.Equal(2, all.Count);
        var list = all[0];
        Assert.Equal(
            ("ListMailboxExportJobs", "WorkMailService.ListMailboxExportJobs", "application/x-amz-json-1.1", TestData.OrganizationId, 200, (string?)null, "AKIASIMULATOR0000001", true),
            (list.Operation, list.Target, list.ContentType, list.OrganizationId, list.StatusCode, list.ErrorCode, list.AccessKeyId, list.SignatureValid));
        Assert.Contains(TestData.OrganizationId, list.Body, StringComparison.Ordinal);
        Assert.Equal((400, "EntityNotFoundException"), (all[1].StatusCode, all[1].ErrorCode));
    }

    [Fact]
    public async Task Count_ByOperationAndOrganization_CountsMatchingRequests()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Store.AddOrganization(TestData.OtherOrganizationId);

        await harness.Client.CallAsync("ListMailboxExportJobs", new { OrganizationId = TestData.OrganizationId });
        await harness.Client.CallAsync("ListMailboxExportJobs", new { OrganizationId = TestData.OrganizationId });
        await harness.Client.CallAsync("ListMailboxExportJobs", new { OrganizationId = TestData.OtherOrganizationId });
        await harness.Client.CallAsync("DescribeMailboxExportJob", new { OrganizationId = TestData.OrganizationId, JobId = "x" });

        var log = harness.Simulator.Requests;
        Assert.Equal(3, log.Count("ListMailboxExportJobs"));
        Assert.Equal(2, log.Count("ListMailboxExportJobs", TestData.OrganizationId));
        Assert.Equal(1, log.Count("DescribeMailboxExportJob", TestData.OrganizationId));
        Assert.Equal(0, log.Count("CancelMailboxExportJob"));
    }

    [Fact]
    public async Task Requests_RejectedBeforeOperation_StillRecorded()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        await harness.Client.SendAsync(new TestRequest { Target = "WorkMailService.ListMailboxExportJobs", Sign = false });
        await harness.Client.SendAsync(new TestRequest { Target = "WorkMailService.ListMailboxExportJobs", Body = "{oops" });
        await harness.Client.SendAsync(new TestRequest { Target = null });

        var all = harness.Simulator.Requests.All;
        Assert.Equal(
            [("ListMailboxExportJobs", 403, "MissingAuthenticationTokenException", false), ("ListMailboxExportJobs", 400, "SerializationException", true), ("", 400, "UnknownOperationException", true)],
            all.Select(r => (r.Operation, r.StatusCode, r.ErrorCode!, r.SignatureValid)));
        Assert.Equal("{oops", all[1].Body);
    }

    [Fact]
    public async Task Clear_AfterRequests_Empty()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        await harness.Client.CallAsync("ListMailboxExportJobs", new { OrganizationId = TestData.OrganizationId });

        harness.Simulator.Requests.Clear();

        Assert.Empty(harness.Simulator.Requests.All);
    }
}
