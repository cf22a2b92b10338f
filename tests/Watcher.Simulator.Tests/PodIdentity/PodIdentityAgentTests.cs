using System.Net;
using System.Text.Json;
using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests.PodIdentity;

public sealed class PodIdentityAgentTests : IAsyncLifetime, IDisposable
{
    private const string Token = "eyJhbGciOiJSUzI1NiJ9.pod-identity-test-token";
    private const string Describe = "WorkMailService.DescribeMailboxExportJob";
    private const string Body = """{"OrganizationId":"m-0123456789abcdef0123456789abcdef","JobId":"missing-job"}""";

    private readonly HttpClient _http = new();
    private SimulatorHarness _harness = null!;
    private PodIdentityAgent _agent = null!;

    public async Task InitializeAsync()
    {
        _harness = await SimulatorHarness.StartAsync();
        _agent = await _harness.Simulator.StartPodIdentityAgentAsync(new PodIdentityAgentOptions { Token = Token, CredentialLifetime = TimeSpan.FromMinutes(20) });
    }

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task GetCredentials_WithTheToken_KeysTheSimulatorAcceptsAsTheAssociatedRole()
    {
        var (status, body) = await GetAsync(Token);
        using var json = JsonDocument.Parse(body);
        var keys = json.RootElement;

        Assert.Equal(200, status);
        Assert.StartsWith("ASIA", keys.GetProperty("AccessKeyId").GetString(), StringComparison.Ordinal);
        Assert.Equal("111122223333", keys.GetProperty("AccountId").GetString());
        Assert.Equal("2026-03-02T09:20:00Z", keys.GetProperty("Expiration").GetString());
        var response = await _harness.Client.SendAsync(DescribeWith(keys));
        Assert.Equal("EntityNotFoundException", response.ErrorCode);
        Assert.Equal("arn:aws:sts::111122223333:assumed-role/watcher-pod-identity/eks-simulator-watcher-1", _harness.Simulator.Requests.All[^1].AssumedRoleArn);
        var fetch = Assert.Single(_agent.Fetches);
        Assert.Equal((200, keys.GetProperty("AccessKeyId").GetString()), (fetch.StatusCode, fetch.AccessKeyId));
    }

    [Fact]
    public async Task HandedOutKeys_AfterTheirLifetime_403ExpiredToken()
    {
        var (_, body) = await GetAsync(Token);
        using var json = JsonDocument.Parse(body);
        _harness.Time.Advance(TimeSpan.FromMinutes(20));

        var response = await _harness.Client.SendAsync(DescribeWith(json.RootElement));

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("ExpiredTokenException", response.ErrorType);
    }

    [Theory]
    [InlineData(null, 400)]
    [InlineData("some-other-token", 403)]
    public async Task GetCredentials_WithoutTheToken_RefusesAndHandsOutNothing(string? token, int expected)
    {
        var (status, body) = await GetAsync(token);

        Assert.Equal(expected, status);
        Assert.DoesNotContain("AccessKeyId", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, body, StringComparison.Ordinal);
        Assert.Null(Assert.Single(_agent.Fetches).AccessKeyId);
    }

    [Fact]
    public async Task GetCredentials_ForcedStatusCode_AnswersItEvenWithTheToken()
    {
        _agent.ForcedStatusCode = 503;

        var (status, _) = await GetAsync(Token);
        _agent.ForcedStatusCode = null;
        var (after, _) = await GetAsync(Token);

        Assert.Equal((503, 200), (status, after));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(302)]
    [InlineData(600)]
    public void ForcedStatusCode_NotAnErrorStatus_Throws(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _agent.ForcedStatusCode = status);
    }

    [Fact]
    public async Task Request_OtherPathOrMethod_404Or405()
    {
        using var otherPath = new HttpRequestMessage(HttpMethod.Get, new Uri(_agent.CredentialsUrl, "/v1/other"));
        using var post = new HttpRequestMessage(HttpMethod.Post, _agent.CredentialsUrl);
        otherPath.Headers.TryAddWithoutValidation("Authorization", Token);
        post.Headers.TryAddWithoutValidation("Authorization", Token);

        using var pathResponse = await _http.SendAsync(otherPath);
        using var postResponse = await _http.SendAsync(post);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed), (pathResponse.StatusCode, postResponse.StatusCode));
    }

    [Theory]
    [InlineData("", "arn:aws:iam::111122223333:role/r", 60, "Token")]
    [InlineData("t", "not-an-arn", 60, "RoleArn 'not-an-arn'")]
    [InlineData("t", "arn:aws:iam::111122223333:role/r", 0, "CredentialLifetime must be positive")]
    public async Task StartPodIdentityAgentAsync_BadOptions_ArgumentExceptionNamingIt(string token, string roleArn, int lifetimeSeconds, string expected)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _harness.Simulator.StartPodIdentityAgentAsync(
            new PodIdentityAgentOptions { Token = token, RoleArn = roleArn, CredentialLifetime = TimeSpan.FromSeconds(lifetimeSeconds) }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartupBanner_WithPodIdentity_ShowsTheVariablesToSetButNotTheToken()
    {
        await using var local = await PodIdentityLocally.StartAsync(_harness.Simulator, CancellationToken.None);
        var token = await File.ReadAllTextAsync(local.TokenFile);

        var banner = StartupBanner.Render(_harness.Simulator, [(TestData.OrganizationId, "job-1")], podIdentity: local);

        Assert.Contains($"AWS_CONTAINER_CREDENTIALS_FULL_URI={local.Agent.CredentialsUrl} AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE={local.TokenFile}", banner, StringComparison.Ordinal);
        Assert.Contains($"Watcher__Organizations__0__OrganizationId={TestData.OrganizationId}", banner, StringComparison.Ordinal);
        Assert.DoesNotContain(token, banner, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", token, StringComparison.Ordinal);
    }

    private async Task<(int Status, string Body)> GetAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _agent.CredentialsUrl);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static TestRequest DescribeWith(JsonElement keys) => new()
    {
        Target = Describe,
        Body = Body,
        AccessKeyId = keys.GetProperty("AccessKeyId").GetString(),
        SecretAccessKey = keys.GetProperty("SecretAccessKey").GetString(),
        SessionToken = keys.GetProperty("Token").GetString(),
    };
}
