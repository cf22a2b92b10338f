using System.Text.Json;
using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests.Operations;

public class ListMailboxExportJobsTests
{
    private const string Operation = "ListMailboxExportJobs";

    [Fact]
    public async Task List_Jobs_NewestFirstWithListShapeMembersOnly()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var older = harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob
        {
            Description = "older",
            StartOffset = TimeSpan.FromHours(-2),
            Duration = TimeSpan.FromMinutes(10),
            Outcome = SimulatedOutcome.Fail,
            ErrorInfo = "boom",
        });
        var newer = harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob { StartOffset = TimeSpan.FromMinutes(-1), Duration = TimeSpan.FromMinutes(10) });

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId });

        var jobs = response.Json.GetProperty("Jobs").EnumerateArray().ToList();
        Assert.Equal([newer, older], jobs.Select(j => j.GetProperty("JobId").GetString()));
        Assert.Equal(
            ["JobId", "EntityId", "Description", "S3BucketName", "S3Path", "EstimatedProgress", "State", "StartTime", "EndTime"],
            jobs[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal("FAILED", jobs[1].GetProperty("State").GetString());
        Assert.False(response.Json.TryGetProperty("NextToken", out _));
    }

    [Fact]
    public async Task List_JobsOlderThanSevenDays_Excluded()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob { JobId = "eight-days", StartOffset = TimeSpan.FromDays(-8), Duration = TimeSpan.FromMinutes(10) });
        harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob { JobId = "six-days", StartOffset = TimeSpan.FromDays(-6), Duration = TimeSpan.FromMinutes(10) });
        harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob { JobId = "future", StartOffset = TimeSpan.FromMinutes(1), Duration = TimeSpan.FromMinutes(10) });

        var now = await ListIds(harness, new { OrganizationId = TestData.OrganizationId });
        harness.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var dayLater = await ListIds(harness, new { OrganizationId = TestData.OrganizationId });

        Assert.Equal(["six-days"], now);
        Assert.Equal(["future"], dayLater);
        Assert.NotNull(harness.Store.Describe(TestData.OrganizationId, "eight-days"));
    }

    [Fact]
    public async Task List_250JobsPagedBy100_ThreePagesWithEveryJobOnce()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var expected = new HashSet<string>();
        for (var i = 0; i < 250; i++)
        {
            // Every tenth job shares its start time with the previous one, to exercise the tie-break.
            expected.Add(harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob { StartOffset = TimeSpan.FromMinutes(-(i - (i % 10 == 1 ? 1 : 0))), Duration = TimeSpan.FromHours(1) }));
        }

        var pages = new List<List<string>>();
        string? token = null;
        do
        {
            var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, MaxResults = 100, NextToken = token });
            Assert.Equal(200, response.StatusCode);
            pages.Add([.. response.Json.GetProperty("Jobs").EnumerateArray().Select(j => j.GetProperty("JobId").GetString()!)]);
            token = response.Json.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null && pages.Count < 10);

        Assert.Equal([100, 100, 50], pages.Select(p => p.Count));
        var all = pages.SelectMany(p => p).ToList();
        Assert.Equal(250, all.Distinct().Count());
        Assert.True(expected.SetEquals(all));
    }

    [Fact]
    public async Task List_NoMaxResults_DefaultsToHundred()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        for (var i = 0; i < 120; i++)
        {
            harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob { Duration = TimeSpan.FromHours(1) });
        }

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId });

        Assert.Equal(100, response.Json.GetProperty("Jobs").GetArrayLength());
        Assert.Equal(JsonValueKind.String, response.Json.GetProperty("NextToken").ValueKind);
    }

    [Fact]
    public async Task List_JobStartedBetweenPages_NoDuplicatesOrGaps()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob { JobId = $"job-{i}", StartOffset = TimeSpan.FromMinutes(-10 + i), Duration = TimeSpan.FromHours(1) });
        }

        var first = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, MaxResults = 2 });
        harness.Store.AddJob(TestData.OrganizationId, new SimulatedJob { JobId = "job-new", Duration = TimeSpan.FromHours(1) });
        var rest = await ListIds(harness, new { OrganizationId = TestData.OrganizationId, MaxResults = 10, NextToken = first.Json.GetProperty("NextToken").GetString() });

        Assert.Equal(["job-4", "job-3"], first.Json.GetProperty("Jobs").EnumerateArray().Select(j => j.GetProperty("JobId").GetString()));
        Assert.Equal(["job-2", "job-1", "job-0"], rest);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("djEKbS0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZgp4CmpvYg==")]
    public async Task List_InvalidNextToken_400InvalidParameter(string token)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, NextToken = token });

        Assert.Equal("com.amazonaws.workmail#InvalidParameterException", response.ErrorType);
        Assert.Contains("NextToken", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NextTokenOfOtherOrganization_400InvalidParameter()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Store.AddOrganization(TestData.OtherOrganizationId);
        for (var i = 0; i < 3; i++)
        {
            harness.Store.AddJob(TestData.OtherOrganizationId, new SimulatedJob { Duration = TimeSpan.FromHours(1) });
        }

        var first = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OtherOrganizationId, MaxResults = 1 });
        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, NextToken = first.Json.GetProperty("NextToken").GetString() });

        Assert.Equal("InvalidParameterException", response.ErrorCode);
    }

    [Theory]
    [InlineData(0, "greater than or equal to 1")]
    [InlineData(101, "less than or equal to 100")]
    [InlineData(-5, "greater than or equal to 1")]
    public async Task List_MaxResultsOutOfRange_400InvalidParameter(int maxResults, string expected)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, MaxResults = maxResults });

        Assert.Equal("InvalidParameterException", response.ErrorCode);
        Assert.Contains($"'maxResults' failed to satisfy constraint: Member must have value {expected}", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_EmptyNextToken_400InvalidParameter()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, NextToken = "" });

        Assert.Equal("InvalidParameterException", response.ErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("m-xyz")]
    public async Task List_BrokenOrganizationId_400InvalidParameter(string? organizationId)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = organizationId });

        Assert.Equal("InvalidParameterException", response.ErrorCode);
    }

    [Fact]
    public async Task List_UnknownOrganization_400OrganizationNotFound()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OtherOrganizationId });

        Assert.Equal("OrganizationNotFoundException", response.ErrorCode);
    }

    [Fact]
    public async Task List_OrganizationWithoutJobs_EmptyArray()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId });

        Assert.Equal("""{"Jobs":[]}""", response.Body);
    }

    private static async Task<List<string>> ListIds(SimulatorHarness harness, object input)
    {
        var response = await harness.Client.CallAsync(Operation, input);
        Assert.Equal(200, response.StatusCode);
        return [.. response.Json.GetProperty("Jobs").EnumerateArray().Select(j => j.GetProperty("JobId").GetString()!)];
    }
}
