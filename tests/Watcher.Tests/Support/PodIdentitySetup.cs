using Watcher.Simulator;

namespace Watcher.Tests.Support;

/// <summary>The simulator's Pod Identity agent, a token file as EKS mounts one, and the variables the webhook sets.</summary>
internal sealed class PodIdentitySetup : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;

    private PodIdentitySetup(PodIdentityAgent agent, DirectoryInfo directory, string tokenFile)
    {
        Agent = agent;
        _directory = directory;
        TokenFile = tokenFile;
    }

    public PodIdentityAgent Agent { get; }

    public string TokenFile { get; }

    public static async Task<PodIdentitySetup> StartAsync(WorkMailSimulator simulator, string token, TimeSpan credentialLifetime)
    {
        var directory = Directory.CreateTempSubdirectory("watcher-pod-identity-");
        var tokenFile = Path.Combine(directory.FullName, "eks-pod-identity-token");
        await File.WriteAllTextAsync(tokenFile, token);
        var agent = await simulator.StartPodIdentityAgentAsync(new PodIdentityAgentOptions { Token = token, CredentialLifetime = credentialLifetime });
        return new PodIdentitySetup(agent, directory, tokenFile);
    }

    /// <summary>Adds the webhook's two variables, and keeps the child from finding any other credentials first.</summary>
    public Dictionary<string, string?> AddTo(Dictionary<string, string?> environment)
    {
        environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = Agent.CredentialsUrl.ToString();
        environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = TokenFile;
        environment["AWS_EC2_METADATA_DISABLED"] = "true";
        environment["HOME"] = _directory.CreateSubdirectory("home").FullName;
        return environment;
    }

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
