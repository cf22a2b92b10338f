using Watcher.WorkMail.Model;
using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Transform;

public sealed class DirectoryResponseUnmarshallingTests
{
    private const string User1 = """{"Id":"user-1-000000000","Email":"a@example.com","Name":"a","DisplayName":"A","State":"ENABLED","UserRole":"USER","EnabledDate":1700000000.5,"IdentityProviderUserId":"x"}""";

    private const string Resource1 = """{"Id":"room-1-000000000","Name":"boardroom","Type":"ROOM","State":"DISABLED","DisabledDate":1700000000,"Description":"d"}""";

    [Fact]
    public async Task ListUsersAsync_UserAndToken_MapsThem()
    {
        var page = await ListUsersAsync($$"""{"Users":[{{User1}}],"NextToken":"next"}""");

        Assert.Equal("next", page.NextToken);
        Assert.Equal(
            new DirectoryUser("user-1-000000000", "a@example.com", "a", "A", EntityState.Enabled, UserRole.User, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), null),
            Assert.Single(page.Users));
    }

    [Fact]
    public async Task ListResourcesAsync_ResourceWithoutType_MapsTypeAsNull()
    {
        var page = await ListResourcesAsync($$"""{"Resources":[{{Resource1}},{"Id":"equip-000000000","State":"ENABLED"}]}""");

        Assert.Null(page.NextToken);
        Assert.Equal(
            [("room-1-000000000", (ResourceType?)ResourceType.Room, EntityState.Disabled), ("equip-000000000", null, EntityState.Enabled)],
            page.Resources.Select(r => (r.Id, r.Type, r.State)));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), page.Resources[0].DisabledDate);
    }

    [Theory]
    [InlineData("""{"Users":[]}""")]
    [InlineData("""{}""")]
    [InlineData("""{"Users":null,"NextToken":""}""")]
    public async Task ListUsersAsync_NoUsers_EmptyLastPage(string body)
    {
        var page = await ListUsersAsync(body);

        Assert.Empty(page.Users);
        Assert.Null(page.NextToken);
    }

    [Theory]
    [InlineData("""{"Users":{"Id":"x"}}""", "Users")]
    [InlineData("""{"Users":[USER1, null]}""", "Users[1]")]
    [InlineData("""{"Users":[USER1, "user-2"]}""", "Users[1]")]
    [InlineData("""{"Users":[{"State":"ENABLED","UserRole":"USER"}]}""", "Users[0].Id")]
    [InlineData("""{"Users":[{"Id":"u-0000000000","UserRole":"USER"}]}""", "Users[0].State")]
    [InlineData("""{"Users":[USER1, {"Id":"u-0000000000","State":"ACTIVE","UserRole":"USER"}]}""", "Users[1].State")]
    [InlineData("""{"Users":[{"Id":"u-0000000000","State":"ENABLED","UserRole":"ADMIN"}]}""", "Users[0].UserRole")]
    [InlineData("""{"Users":[{"Id":"u-0000000000","State":"ENABLED"}]}""", "Users[0].UserRole")]
    [InlineData("""{"Users":[{"Id":"u-0000000000","State":"ENABLED","UserRole":"USER","EnabledDate":[]}]}""", "Users[0].EnabledDate")]
    [InlineData("""{"Users":[{"Id":5,"State":"ENABLED","UserRole":"USER"}]}""", "Users[0].Id")]
    [InlineData("""{"Users":[],"NextToken":5}""", "NextToken")]
    public async Task ListUsersAsync_BadMember_MalformedResponseNamingIt(string body, string member)
    {
        var exception = await Assert.ThrowsAsync<WorkMailException>(() => ListUsersAsync(body.Replace("USER1", User1, StringComparison.Ordinal)));

        Assert.Equal(WorkMailErrorCodes.MalformedResponse, exception.ErrorCode);
        Assert.Contains("ListUsers", exception.Message, StringComparison.Ordinal);
        Assert.Contains(member, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Resources":[RESOURCE1, {"Id":"r-0000000000","State":"ENABLED","Type":"DESK"}]}""", "Resources[1].Type")]
    [InlineData("""{"Resources":[{"Id":"r-0000000000","Type":"ROOM"}]}""", "Resources[0].State")]
    [InlineData("""{"Resources":[{"Id":"","State":"ENABLED"}]}""", "Resources[0].Id")]
    [InlineData("""{"Resources":"none"}""", "Resources")]
    public async Task ListResourcesAsync_BadMember_MalformedResponseNamingIt(string body, string member)
    {
        var exception = await Assert.ThrowsAsync<WorkMailException>(() => ListResourcesAsync(body.Replace("RESOURCE1", Resource1, StringComparison.Ordinal)));

        Assert.Equal(WorkMailErrorCodes.MalformedResponse, exception.ErrorCode);
        Assert.Contains("ListResources", exception.Message, StringComparison.Ordinal);
        Assert.Contains(member, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListUsersAsync_Request_SendsTargetAndMembers()
    {
        await using var server = new CannedHttpServer(CannedResponse.Ok("""{"Users":[]}"""));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url));

        await client.ListUsersAsync(TestSettings.OrganizationId, "tok/+=", 25, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("WorkMailService.ListUsers", request.Headers["x-amz-target"]);
        using var body = System.Text.Json.JsonDocument.Parse(request.Body);
        Assert.Equal(
            ["MaxResults=25", "NextToken=tok/+=", $"OrganizationId={TestSettings.OrganizationId}"],
            body.RootElement.EnumerateObject().Select(p => $"{p.Name}={(p.Value.ValueKind == System.Text.Json.JsonValueKind.Number ? p.Value.GetRawText() : p.Value.GetString())}"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task ListResourcesAsync_PageSizeOutsideModel_ArgumentOutOfRange(int maxResults)
    {
        using var client = new WorkMailExportJobsClient(TestSettings.For(new Uri("http://127.0.0.1:9/")));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ListResourcesAsync(TestSettings.OrganizationId, null, maxResults, CancellationToken.None));
    }

    private static async Task<UserPage> ListUsersAsync(string body)
    {
        await using var server = new CannedHttpServer(CannedResponse.Ok(body));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url));
        return await client.ListUsersAsync(TestSettings.OrganizationId, null, 100, CancellationToken.None);
    }

    private static async Task<ResourcePage> ListResourcesAsync(string body)
    {
        await using var server = new CannedHttpServer(CannedResponse.Ok(body));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url));
        return await client.ListResourcesAsync(TestSettings.OrganizationId, null, 100, CancellationToken.None);
    }
}
