using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace Watcher.WorkMail.Client.Auth;

/// <summary>WorkMail's model names one auth scheme, <c>aws.auth#sigv4</c>, for every operation.</summary>
internal sealed class AmazonWorkMailAuthSchemeHandler : BaseAuthResolverHandler
{
    protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) =>
        AuthSchemeOption.DEFAULT_SIGV4;
}
