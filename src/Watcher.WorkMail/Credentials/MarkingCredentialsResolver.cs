using Amazon.Runtime;
using Amazon.Runtime.Identity;

namespace Watcher.WorkMail.Credentials;

/// <summary>Resolves credentials through <paramref name="inner"/>, marking a failure as the default chain finding none.</summary>
internal sealed class MarkingCredentialsResolver(IIdentityResolver inner) : IIdentityResolver<AWSCredentials>
{
    public AWSCredentials ResolveIdentity(IClientConfig clientConfig)
    {
        try
        {
            return (AWSCredentials)inner.ResolveIdentity(clientConfig);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            CredentialsFailure.Mark(exception, WorkMailCredentialSources.None);
            throw;
        }
    }

    public async Task<AWSCredentials> ResolveIdentityAsync(IClientConfig clientConfig, CancellationToken cancellationToken = default)
    {
        try
        {
            return (AWSCredentials)await inner.ResolveIdentityAsync(clientConfig, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            CredentialsFailure.Mark(exception, WorkMailCredentialSources.None);
            throw;
        }
    }

    BaseIdentity IIdentityResolver.ResolveIdentity(IClientConfig clientConfig) => ResolveIdentity(clientConfig);

    async Task<BaseIdentity> IIdentityResolver.ResolveIdentityAsync(IClientConfig clientConfig, CancellationToken cancellationToken) =>
        await ResolveIdentityAsync(clientConfig, cancellationToken).ConfigureAwait(false);
}
