using System.Text.Json;
using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests.Operations;

public class ListUsersTests
{
    private const string Operation = "ListUsers";

    [Fact]
    public async Task ListUsers_TwoUsers_InIdOrderWithModelMembersAndNoNulls()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var enabled = new DateTimeOffset(2024, 5, 1, 8, 30, 0, 250, TimeSpan.Zero);
        harness.Store.AddUsers(TestData.OrganizationId, [
            new SimulatedUser
            {
                Id = "bbbbbbbb-0000-4000-8000-000000000002",
                Name = "j.doe",
                Email = "j.doe@example.com",
                DisplayName = "J Doe",
                State = SimulatedDirectory.Disabled,
                EnabledDate = enabled,
                DisabledDate = enabled.AddDays(30),
            },
            new SimulatedUser { Id = "aaaaaaaa-0000-4000-8000-000000000001", Name = "workmail-system", UserRole = SimulatedDirectory.SystemUser },
        ]);

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId });

        Assert.Equal(200, response.StatusCode);
        var users = response.Json.GetProperty("Users").EnumerateArray().ToList();
        Assert.Equal(["aaaaaaaa-0000-4000-8000-000000000001", "bbbbbbbb-0000-4000-8000-000000000002"], users.Select(u => u.GetProperty("Id").GetString()));
        Assert.Equal(["Id", "Name", "State", "UserRole"], users[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["Id", "Email", "Name", "DisplayName", "State", "UserRole", "EnabledDate", "DisabledDate"],
            users[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal("DISABLED", users[1].GetProperty("State").GetString());
        Assert.Equal("1714552200.250", users[1].GetProperty("EnabledDate").GetRawText());
        Assert.False(response.Json.TryGetProperty("NextToken", out _));
    }

    [Fact]
    public async Task ListUsers_250UsersPagedBy100_ThreePagesWithEveryUserOnce()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var added = harness.Store.AddUsers(TestData.OrganizationId, Enumerable.Range(0, 250).Select(i => new SimulatedUser { Name = $"user{i}" }));

        var pages = await ListAllPages(harness, new Dictionary<string, object?> { ["OrganizationId"] = TestData.OrganizationId, ["MaxResults"] = 100 });

        Assert.Equal([100, 100, 50], pages.Select(p => p.Count));
        Assert.Equal(added.Order(StringComparer.Ordinal), pages.SelectMany(p => p));
    }

    [Fact]
    public async Task ListUsers_NoMaxResults_DefaultsToHundred()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Store.AddUsers(TestData.OrganizationId, Enumerable.Range(0, 101).Select(i => new SimulatedUser { Name = $"user{i}" }));

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId });

        Assert.Equal(100, response.Json.GetProperty("Users").GetArrayLength());
        Assert.Equal(JsonValueKind.String, response.Json.GetProperty("NextToken").ValueKind);
    }

    [Fact]
    public async Task ListUsers_UserAddedBetweenPages_NoDuplicatesOrGaps()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Store.AddUsers(TestData.OrganizationId, new[] { "user-b000000", "user-d000000", "user-f000000" }.Select(id => new SimulatedUser { Id = id, Name = id }));

        var first = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, MaxResults = 2 });
        harness.Store.AddUsers(TestData.OrganizationId, [new SimulatedUser { Id = "user-a000000", Name = "late" }, new SimulatedUser { Id = "user-e000000", Name = "later" }]);
        var rest = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, NextToken = first.Json.GetProperty("NextToken").GetString() });

        Assert.Equal(["user-b000000", "user-d000000"], Ids(first));
        Assert.Equal(["user-e000000", "user-f000000"], Ids(rest));
    }

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task ListUsers_InvalidInput_400WithCodeAndMessage(Dictionary<string, object?> input, string errorCode, string message)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Store.AddUsers(TestData.OtherOrganizationId, [new SimulatedUser { Name = "a" }, new SimulatedUser { Name = "b" }]);
        if (input.TryGetValue("NextToken", out var token) && token is "OTHER-ORGANIZATION")
        {
            var other = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OtherOrganizationId, MaxResults = 1 });
            input["NextToken"] = other.Json.GetProperty("NextToken").GetString();
        }

        var response = await harness.Client.CallAsync(Operation, input);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(errorCode, response.ErrorCode);
        Assert.Contains(message, response.Message, StringComparison.Ordinal);
    }

    public static TheoryData<Dictionary<string, object?>, string, string> InvalidInputs() => new()
    {
        { new() { ["OrganizationId"] = null }, "InvalidParameterException", "Value null at 'organizationId' failed to satisfy constraint: Member must not be null" },
        { new() { ["OrganizationId"] = "m-xyz" }, "InvalidParameterException", "at 'organizationId' failed to satisfy constraint: Member must satisfy regular expression pattern" },
        { new() { ["OrganizationId"] = TestData.OrganizationId, ["MaxResults"] = 0 }, "InvalidParameterException", "'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1" },
        { new() { ["OrganizationId"] = TestData.OrganizationId, ["MaxResults"] = 101 }, "InvalidParameterException", "'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100" },
        { new() { ["OrganizationId"] = "m-xyz", ["MaxResults"] = 101 }, "InvalidParameterException", "3 validation errors detected" },
        { new() { ["OrganizationId"] = TestData.OrganizationId, ["MaxResults"] = "ten" }, "SerializationException", "MaxResults" },
        { new() { ["OrganizationId"] = TestData.OrganizationId, ["NextToken"] = "" }, "InvalidParameterException", "'nextToken' failed to satisfy constraint: Member must have length greater than or equal to 1" },
        { new() { ["OrganizationId"] = TestData.OrganizationId, ["NextToken"] = "not-a-token" }, "InvalidParameterException", "The NextToken is invalid." },
        { new() { ["OrganizationId"] = TestData.OrganizationId, ["NextToken"] = "OTHER-ORGANIZATION" }, "InvalidParameterException", "The NextToken is invalid." },
        { new() { ["OrganizationId"] = TestData.OrganizationId, ["Filters"] = new { State = "ENABLED" } }, "InvalidParameterException", "does not support Filters" },
        { new() { ["OrganizationId"] = "m-99999999999999999999999999999999" }, "OrganizationNotFoundException", "m-99999999999999999999999999999999" },
    };

    [Fact]
    public async Task ListUsers_TokenOfListResources_400InvalidParameter()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Store.AddResources(TestData.OrganizationId, [new SimulatedResource { Name = "room-a" }, new SimulatedResource { Name = "room-b" }]);
        var resources = await harness.Client.CallAsync("ListResources", new { OrganizationId = TestData.OrganizationId, MaxResults = 1 });

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId, NextToken = resources.Json.GetProperty("NextToken").GetString() });

        Assert.Equal("InvalidParameterException", response.ErrorCode);
    }

    [Fact]
    public async Task ListUsers_InactiveOrganization_400OrganizationState()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Store.SetOrganizationActive(TestData.OrganizationId, active: false);

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId });

        Assert.Equal("OrganizationStateException", response.ErrorCode);
    }

    [Fact]
    public async Task ListUsers_SignedWithWrongSecret_403AndNothingListed()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Store.AddUsers(TestData.OrganizationId, [new SimulatedUser { Name = "j.doe" }]);

        var response = await harness.Client.SendAsync(new TestRequest
        {
            Target = "WorkMailService." + Operation,
            Body = JsonSerializer.Serialize(new { OrganizationId = TestData.OrganizationId }),
            SecretAccessKey = "wrong-secret-wrong-secret-wrong-secret-00",
        });

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorCode);
        Assert.DoesNotContain("j.doe", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListUsers_OrganizationWithoutUsers_EmptyArray()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId });

        Assert.Equal("""{"Users":[]}""", response.Body);
    }

    [Fact]
    public async Task ListUsers_AfterDeleteUsers_ListsThemAsDeletedAndLeavesTheRest()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Store.AddUsers(TestData.OrganizationId, new[] { "user-a000000", "user-b000000", "user-c000000" }.Select(id => new SimulatedUser { Id = id, Name = id }));

        var deleted = harness.Store.DeleteUsers(TestData.OrganizationId, ["user-a000000", "user-c000000", "user-z000000"]);
        var response = await harness.Client.CallAsync(Operation, new { OrganizationId = TestData.OrganizationId });

        Assert.Equal(2, deleted);
        var states = response.Json.GetProperty("Users").EnumerateArray().ToDictionary(u => u.GetProperty("Id").GetString()!, u => u.GetProperty("State").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["user-a000000"] = "DELETED", ["user-b000000"] = "ENABLED", ["user-c000000"] = "DELETED" }, states);
    }

    private static List<string> Ids(TestResponse response) =>
        [.. response.Json.GetProperty("Users").EnumerateArray().Select(u => u.GetProperty("Id").GetString()!)];

    private static async Task<List<List<string>>> ListAllPages(SimulatorHarness harness, Dictionary<string, object?> input)
    {
        var pages = new List<List<string>>();
        do
        {
            var response = await harness.Client.CallAsync(Operation, input);
            Assert.Equal(200, response.StatusCode);
            pages.Add(Ids(response));
            input["NextToken"] = response.Json.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        }
        while (input["NextToken"] is not null && pages.Count < 10);

        return pages;
    }
}
