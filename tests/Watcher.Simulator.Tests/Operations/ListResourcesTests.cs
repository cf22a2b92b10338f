using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests.Operations;

public class ListResourcesTests
{
    private const string Operation = "ListResources";

    [Fact]
    public async Task ListResources_RoomAndEquipment_ModelMembersInIdOrder()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Store.AddResources(TestData.OrganizationId, [
            new SimulatedResource { Id = "r-0000000000002", Name = "projector-1", Type = SimulatedDirectory.Equipment, Email = "projector-1@example.com", Description = "Projector" },
            new SimulatedResource { Id = "r-0000000000001", Name = "boardroom", State = SimulatedDirectory.Disabled },
        ]);

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId });

        var resources = response.Json.GetProperty("Resources").EnumerateArray().ToList();
        Assert.Equal(["r-0000000000001", "r-0000000000002"], resources.Select(r => r.GetProperty("Id").GetString()));
        Assert.Equal(["Id", "Name", "Type", "State"], resources[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("ROOM", "DISABLED"), (resources[0].GetProperty("Type").GetString(), resources[0].GetProperty("State").GetString()));
        Assert.Equal(["Id", "Email", "Name", "Type", "State", "Description"], resources[1].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task ListResources_Seven_PagedByThree()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var added = harness.Store.AddResources(TestData.OrganizationId, Enumerable.Range(0, 7).Select(i => new SimulatedResource { Name = $"room-{i}" }));

        var sizes = new List<int>();
        var seen = new List<string>();
        string? token = null;
        do
        {
            var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, MaxResults = 3, NextToken = token });
            var page = response.Json.GetProperty("Resources").EnumerateArray().Select(r => r.GetProperty("Id").GetString()!).ToList();
            sizes.Add(page.Count);
            seen.AddRange(page);
            token = response.Json.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null && sizes.Count < 10);

        Assert.Equal([3, 3, 1], sizes);
        Assert.Equal(added.Order(StringComparer.Ordinal), seen);
    }

    [Theory]
    [InlineData(0, "InvalidParameterException")]
    [InlineData(101, "InvalidParameterException")]
    public async Task ListResources_MaxResultsOutOfRange_400(int maxResults, string errorCode)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, MaxResults = maxResults });

        Assert.Equal(errorCode, response.ErrorCode);
        Assert.Contains("'maxResults'", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListResources_UnknownOrganization_400OrganizationNotFound()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OtherOrganizationId });

        Assert.Equal("OrganizationNotFoundException", response.ErrorCode);
    }

    [Fact]
    public async Task ListResources_BadNextToken_400InvalidParameter()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, NextToken = "bm90LW91cnM=" });

        Assert.Equal("InvalidParameterException", response.ErrorCode);
        Assert.Contains("NextToken", response.Message, StringComparison.Ordinal);
    }
}
