using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Watcher.WorkMail.Credentials;
using Watcher.WorkMail.Roles;

namespace Watcher.WorkMail.Client.Pipeline;

/// <summary>
/// Sits just outside <see cref="EndpointDiscoveryHandler"/>, the first of the SDK's handlers to get the call's
/// credentials, and gets them first, so that a source failing to hand them out (IRSA's web identity, a container
/// endpoint) is marked with <see cref="CredentialsFailure"/>. The exception passes on unchanged, inside the retry loop
/// as before; the SDK's handlers then find the credentials cached.
/// </summary>
internal sealed class CredentialsHandler : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        if (executionContext.RequestContext.Identity is AWSCredentials credentials)
        {
            try
            {
                credentials.GetCredentials();
            }
            catch (Exception exception) when (ShouldMark(exception))
            {
                CredentialsFailure.Mark(exception, WorkMailCredentialSources.KindOf(credentials));
                throw;
            }
        }

        base.InvokeSync(executionContext);
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        if (executionContext.RequestContext.Identity is AWSCredentials credentials)
        {
            try
            {
                await credentials.GetCredentialsAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (ShouldMark(exception))
            {
                CredentialsFailure.Mark(exception, WorkMailCredentialSources.KindOf(credentials));
                throw;
            }
        }

        return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
    }

    // A role's own credentials say what failed in their own exception type.
    private static bool ShouldMark(Exception exception) =>
        exception is not (OperationCanceledException or AssumeRoleException);
}
