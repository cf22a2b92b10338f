using Amazon.Runtime;
using Amazon.Runtime.Identity;

namespace Watcher.WorkMail.Credentials;

/// <summary>
/// The client's identity resolvers as they were, except that the default credential chain marks its failures with
/// <see cref="CredentialsFailure"/>. The chain itself, and the cache it shares across clients, are unchanged.
/// </summary>
internal sealed class MarkingIdentityResolverConfiguration(IIdentityResolverConfiguration inner) : IIdentityResolverConfiguration
{
    private readonly MarkingCredentialsResolver _credentials = new(inner.GetIdentityResolver<AWSCredentials>());

    public IIdentityResolver GetIdentityResolver<T>()
        where T : BaseIdentity =>
        typeof(T) == typeof(AWSCredentials) ? _credentials : inner.GetIdentityResolver<T>();
}
