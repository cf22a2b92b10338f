using System.Security.Cryptography;

namespace Watcher.Simulator;

/// <summary>The standalone simulator's Pod Identity agent, with a fresh token in a file of its own, as EKS mounts one.</summary>
internal sealed class PodIdentityLocally : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;

    private PodIdentityLocally(PodIdentityAgent agent, DirectoryInfo directory, string tokenFile)
    {
        Agent = agent;
        _directory = directory;
        TokenFile = tokenFile;
    }

    public PodIdentityAgent Agent { get; }

    /// <summary>What <c>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE</c> names.</summary>
    public string TokenFile { get; }

    public static async Task<PodIdentityLocally> StartAsync(WorkMailSimulator simulator, CancellationToken cancellationToken)
    {
        var token = "simulator-pod-identity-token-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var directory = Directory.CreateTempSubdirectory("watcher-simulator-pod-identity-");
        var tokenFile = Path.Combine(directory.FullName, "eks-pod-identity-token");

        // The kubelet writes the projected token without a trailing newline; the SDK sends the file as it is.
        await File.WriteAllTextAsync(tokenFile, token, cancellationToken).ConfigureAwait(false);
        var agent = await simulator.StartPodIdentityAgentAsync(new PodIdentityAgentOptions { Token = token }, cancellationToken).ConfigureAwait(false);
        return new PodIdentityLocally(agent, directory, tokenFile);
    }

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync().ConfigureAwait(false);
        _directory.Delete(recursive: true);
    }
}
