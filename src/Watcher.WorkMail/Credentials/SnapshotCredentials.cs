using Amazon.Runtime;

namespace Watcher.WorkMail.Credentials;

/// <summary>One attempt's keys, fixed. The SDK asks the call's credentials twice while signing (once for the session
/// token header, once for the signing key); refreshing credentials may hand out a new pair in between, and a request
/// signed with one pair's key and the other's token is refused.</summary>
internal sealed class SnapshotCredentials(ImmutableCredentials credentials) : AWSCredentials
{
    public override ImmutableCredentials GetCredentials() => credentials;

    public override Task<ImmutableCredentials> GetCredentialsAsync() => Task.FromResult(credentials);
}
