using System.Text.Json;
using Watcher.Simulator.Tests.Infrastructure;
using static Watcher.Simulator.Tests.Infrastructure.StsTestCalls;

namespace Watcher.Simulator.Tests.Regions;

public class RegionTests
{
    private const string Ireland = "eu-west-1";
    private const string Frankfurt = "eu-central-1";
    private const string IrelandOrganizationId = "m-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string RoleArn = "arn:aws:iam::444455556666:role/WatcherReader";

    [Fact]
    public async Task Describe_OrganizationInAdditionalRegion_FoundWhenSignedForThatRegion()
    {
        await using var harness = await StartAsync();
        var jobId = harness.Store.AddJob(IrelandOrganizationId, new SimulatedJob { Duration = TimeSpan.FromMinutes(10) });

        var response = await Describe(harness, IrelandOrganizationId, jobId, Ireland);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("RUNNING", response.Json.GetProperty("State").GetString());
        Assert.Equal(Ireland, harness.Simulator.Requests.All[0].Region);
    }

    [Fact]
    public async Task Describe_OrganizationInAdditionalRegion_NotFoundWhenSignedForPrimaryRegion()
    {
        await using var harness = await StartAsync();
        var jobId = harness.Store.AddJob(IrelandOrganizationId, new SimulatedJob { Duration = TimeSpan.FromMinutes(10) });

        var response = await Describe(harness, IrelandOrganizationId, jobId, "us-east-1");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("OrganizationNotFoundException", response.ErrorCode);
    }

    [Fact]
    public async Task List_PrimaryRegionOrganization_NotFoundWhenSignedForAdditionalRegion()
    {
        await using var harness = await StartAsync();

        var primary = await List(harness, TestData.OrganizationId, "us-east-1");
        var ireland = await List(harness, TestData.OrganizationId, Ireland);

        Assert.Equal(200, primary.StatusCode);
        Assert.Equal("OrganizationNotFoundException", ireland.ErrorCode);
    }

    [Fact]
    public async Task AddOrganization_ExplicitPrimaryRegion_FoundInPrimaryOnly()
    {
        await using var harness = await StartAsync();
        harness.Store.AddOrganization(TestData.OtherOrganizationId, "other", "us-east-1");

        var primary = await List(harness, TestData.OtherOrganizationId, "us-east-1");
        var ireland = await List(harness, TestData.OtherOrganizationId, Ireland);

        Assert.Equal(200, primary.StatusCode);
        Assert.Equal("OrganizationNotFoundException", ireland.ErrorCode);
    }

    [Fact]
    public async Task Call_RegionNotConfigured_403InvalidSignature()
    {
        await using var harness = await StartAsync();

        var response = await List(harness, IrelandOrganizationId, Frankfurt);

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.Contains(Frankfurt, response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_SignedForAdditionalRegion_LogsRegion()
    {
        await using var harness = await StartAsync();

        await List(harness, IrelandOrganizationId, Ireland);
        await List(harness, TestData.OrganizationId, "us-east-1");
        await List(harness, TestData.OrganizationId, Frankfurt);

        Assert.Equal([Ireland, "us-east-1", null], harness.Simulator.Requests.All.Select(r => r.Region));
    }

    [Fact]
    public async Task AssumeRole_SignedForAdditionalRegion_Accepted()
    {
        await using var harness = await StartAsync();

        var ireland = await harness.Client.SendAsync(AssumeRole(RoleArn) with { Region = Ireland });
        var frankfurt = await harness.Client.SendAsync(AssumeRole(RoleArn) with { Region = Frankfurt });

        Assert.Equal(200, ireland.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", ErrorCode(frankfurt));
        Assert.Equal(Ireland, harness.Simulator.Requests.All[0].Region);
    }

    [Fact]
    public async Task Regions_AdditionalRegions_PrimaryFirstWithoutDuplicates()
    {
        await using var harness = await SimulatorHarness.StartAsync(new SimulatorOptions { AdditionalRegions = [Ireland, "us-east-1", Ireland] });

        Assert.Equal(["us-east-1", Ireland], harness.Simulator.Regions);
    }

    [Fact]
    public async Task StartAsync_BlankAdditionalRegion_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => WorkMailSimulator.StartAsync(new SimulatorOptions { AdditionalRegions = [" "] }));
    }

    [Fact]
    public void AddOrganization_BlankRegion_ThrowsAndAddsNothing()
    {
        var store = new SimulatorStore();

        Assert.Throws<ArgumentException>(() => store.AddOrganization(IrelandOrganizationId, region: ""));
        Assert.Empty(store.OrganizationIds);
    }

    [Fact]
    public void LoadJson_OrganizationWithRegion_OnlyFoundInThatRegion()
    {
        var store = new SimulatorStore();

        ScenarioLoader.LoadJson(store, $$"""{ "Organizations": [ { "OrganizationId": "{{IrelandOrganizationId}}", "Region": "{{Ireland}}" } ] }""");

        Assert.Equal(Watcher.Simulator.Jobs.OrganizationStatus.Active, store.GetStatus(IrelandOrganizationId, Ireland, "us-east-1"));
        Assert.Equal(Watcher.Simulator.Jobs.OrganizationStatus.NotFound, store.GetStatus(IrelandOrganizationId, "us-east-1", "us-east-1"));
    }

    [Fact]
    public async Task StartupBanner_Render_ListsRegionsAndDiscoveryOrganization()
    {
        await using var harness = await StartAsync();
        var organizationId = DemoScenario.SeedDiscovery(harness.Store);
        using var spawner = JobSpawner.Start(harness.Store, organizationId, TimeSpan.FromSeconds(30));

        var banner = StartupBanner.Render(harness.Simulator, [], spawner);

        Assert.Contains($"us-east-1, {Ireland}", banner, StringComparison.Ordinal);
        Assert.Contains($"{DemoScenario.DiscoveryOrganizationId} (40 jobs, a new one every 30 s)", banner, StringComparison.Ordinal);
    }

    private static async Task<SimulatorHarness> StartAsync()
    {
        var harness = await SimulatorHarness.StartAsync(new SimulatorOptions
        {
            AdditionalRegions = [Ireland],
            Roles = [new SimulatorRole(RoleArn)],
        });
        harness.Store.AddOrganization(IrelandOrganizationId, "ireland", Ireland);
        return harness;
    }

    private static Task<TestResponse> Describe(SimulatorHarness harness, string organizationId, string jobId, string region) =>
        harness.Client.SendAsync(new TestRequest
        {
            Target = "WorkMailService.DescribeMailboxExportJob",
            Body = JsonSerializer.Serialize(new { OrganizationId = organizationId, JobId = jobId }),
            Region = region,
        });

    private static Task<TestResponse> List(SimulatorHarness harness, string organizationId, string region) =>
        harness.Client.SendAsync(new TestRequest
        {
            Target = "WorkMailService.ListMailboxExportJobs",
            Body = JsonSerializer.Serialize(new { OrganizationId = organizationId }),
            Region = region,
        });
}
