using Microsoft.Extensions.Time.Testing;
using Watcher.Simulator;
using Watcher.WorkMail.Credentials;
using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Simulator;

/// <summary>The SDK's container provider against the simulator's EKS Pod Identity agent, as a pod on EKS gets its keys.</summary>
[Collection(EnvironmentTestGroup.Name)]
public sealed class SimulatorPodIdentityTests : IAsyncLifetime
{
    private const string Token = "canary-pod-identity-token-0c4e1d";
    private const string AssumedRoleArn = "arn:aws:sts::111122223333:assumed-role/watcher-pod-identity/eks-simulator-watcher-1";

    private readonly FakeTimeProvider _time = SimulatorClients.Clock();
    private readonly string _tokenFile = Path.GetTempFileName();
    private WorkMailSimulator _simulator = null!;
    private EnvironmentVariableScope _environment = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_tokenFile, Token);
        _simulator = await SimulatorClients.StartAsync(_time);
        _simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
    }

    public async Task DisposeAsync()
    {
        _environment?.Dispose();
        await _simulator.DisposeAsync();
        File.Delete(_tokenFile);
    }

    [Fact]
    public async Task ListExportJobsAsync_PodIdentityAgent_SignsWithTheKeysItHandsOut()
    {
        await using var agent = await StartAgentAsync(TimeSpan.FromHours(6));
        using var client = Client();

        await client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None);

        var fetch = Assert.Single(agent.Fetches);
        Assert.Equal(200, fetch.StatusCode);
        var request = Assert.Single(_simulator.Requests.All);
        Assert.Null(request.ErrorCode);
        Assert.Equal(fetch.AccessKeyId, request.AccessKeyId);
        Assert.Equal(AssumedRoleArn, request.AssumedRoleArn);
    }

    [Fact]
    public async Task ListExportJobsAsync_CredentialsValidForHours_FetchedOnceAndReused()
    {
        await using var agent = await StartAgentAsync(TimeSpan.FromHours(6));
        using var client = Client();

        await client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None);
        await client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None);

        Assert.Single(agent.Fetches);
        Assert.Equal(2, _simulator.Requests.All.Count(r => r.ErrorCode is null && r.AccessKeyId == agent.Fetches[0].AccessKeyId));
    }

    [Fact]
    public async Task ListExportJobsAsync_AfterTheKeysExpire_FetchesNewOnesAndStillSucceeds()
    {
        // The SDK treats keys within a minute of their expiration as expired, so keys this short-lived are fetched
        // again before each call; the simulator's clock then puts the first pair past its expiration.
        await using var agent = await StartAgentAsync(TimeSpan.FromSeconds(30));
        using var client = Client();
        await client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(31));

        await client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None);

        Assert.Equal(2, agent.Fetches.Count);
        Assert.NotEqual(agent.Fetches[0].AccessKeyId, agent.Fetches[1].AccessKeyId);
        Assert.True(agent.Fetches[0].Expiration < _time.GetUtcNow());
        var second = _simulator.Requests.All[^1];
        Assert.Null(second.ErrorCode);
        Assert.Equal(agent.Fetches[1].AccessKeyId, second.AccessKeyId);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(500)]
    public async Task DescribeExportJobAsync_AgentAnswersError_NoCredentialsNamingTheAgentAndStatus(int status)
    {
        await using var agent = await StartAgentAsync(TimeSpan.FromHours(6));
        agent.ForcedStatusCode = status;
        using var client = Client();

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, "job-1", CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.NoCredentials, exception.ErrorCode);
        Assert.True(exception.CredentialsFailed, exception.ToString());
        Assert.Equal(WorkMailCredentialSources.PodIdentity, exception.FailedCredentialSource);
        Assert.Contains($"getting credentials from the EKS Pod Identity agent at {agent.CredentialsUrl} failed", exception.Message, StringComparison.Ordinal);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, exception.Message, StringComparison.Ordinal);
        Assert.NotEmpty(agent.Fetches);
        Assert.Empty(_simulator.Requests.All);
    }

    [Fact]
    public async Task DescribeExportJobAsync_TokenNotTheAgents_403NoCredentials()
    {
        await using var agent = await StartAgentAsync(TimeSpan.FromHours(6));
        await File.WriteAllTextAsync(_tokenFile, "a-token-for-another-audience");
        using var client = Client();

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, "job-1", CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.NoCredentials, exception.ErrorCode);
        Assert.Contains("403", exception.Message, StringComparison.Ordinal);
        Assert.All(agent.Fetches, f => Assert.Equal(403, f.StatusCode));
        Assert.DoesNotContain("a-token-for-another-audience", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeExportJobAsync_TokenFileMissing_NoCredentialsNamingTheFileAndNoFetch()
    {
        await using var agent = await StartAgentAsync(TimeSpan.FromHours(6));
        File.Delete(_tokenFile);
        using var client = Client();

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, "job-1", CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.NoCredentials, exception.ErrorCode);
        Assert.True(exception.CredentialsFailed);
        Assert.Contains(_tokenFile, exception.Message, StringComparison.Ordinal);
        Assert.Empty(agent.Fetches);
    }

    [Fact]
    public async Task Describe_PodIdentityVariables_NamesAgentAndTokenFileButNotTheToken()
    {
        await using var agent = await StartAgentAsync(TimeSpan.FromHours(6));

        var source = WorkMailCredentialSources.Describe(SimulatorClients.Settings(_simulator) with { Credentials = null });

        Assert.Equal(WorkMailCredentialSources.PodIdentity, source.Kind);
        Assert.Equal($"the EKS Pod Identity agent at {agent.CredentialsUrl}, with the service account token in {_tokenFile}", source.Description);
        Assert.Empty(agent.Fetches);
    }

    private async Task<PodIdentityAgent> StartAgentAsync(TimeSpan lifetime)
    {
        var agent = await _simulator.StartPodIdentityAgentAsync(new PodIdentityAgentOptions { Token = Token, CredentialLifetime = lifetime });

        // The SDK caches the chain's answer, and with it the agent's URL, until a key, token or profile variable changes.
        // A profile name would end the search at the profile step when no file defines it; a session token alone makes
        // the environment step pass on, and one of its own makes the SDK search again.
        _environment = CredentialEnvironment.WithoutAny()
            .Set("AWS_PROFILE", null)
            .Set("AWS_SESSION_TOKEN", "no-key-" + Guid.NewGuid().ToString("N"))
            .Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", agent.CredentialsUrl.ToString())
            .Set("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", _tokenFile);
        return agent;
    }

    private WorkMailExportJobsClient Client() => new(SimulatorClients.Settings(_simulator) with { Credentials = null });
}
