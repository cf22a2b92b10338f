using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Watcher.WorkMail.Credentials;
using Watcher.WorkMail.Roles;

namespace Watcher.WorkMail.Client.Pipeline;

/// <summary>
/// Sits just outside <see cref="EndpointDiscoveryHandler"/>, the first of the SDK's handlers to get the call's
/// credentials, and gets them first, so that a source failing to hand them out (IRSA's web identity, the EKS Pod
/// Identity agent, a container endpoint) is marked with <see cref="CredentialsFailure"/>. The exception passes on
/// unchanged, inside the retry loop as before. The SDK's handlers then sign this attempt with exactly the keys got here
/// (<see cref="SnapshotCredentials"/>); the next attempt asks the source again.
/// </summary>
internal sealed class CredentialsHandler : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var requestContext = executionContext.RequestContext;
        if (requestContext.Identity is not AWSCredentials credentials)
        {
            base.InvokeSync(executionContext);
            return;
        }

        ImmutableCredentials keys;
        try
        {
            keys = credentials.GetCredentials();
        }
        catch (Exception exception) when (ShouldMark(exception))
        {
            CredentialsFailure.Mark(exception, WorkMailCredentialSources.KindOf(credentials));
            throw;
        }

        requestContext.Identity = new SnapshotCredentials(keys);
        try
        {
            base.InvokeSync(executionContext);
        }
        finally
        {
            requestContext.Identity = credentials;
        }
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var requestContext = executionContext.RequestContext;
        if (requestContext.Identity is not AWSCredentials credentials)
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }

        ImmutableCredentials keys;
        try
        {
            keys = await credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (ShouldMark(exception))
        {
            CredentialsFailure.Mark(exception, WorkMailCredentialSources.KindOf(credentials));
            throw;
        }

        requestContext.Identity = new SnapshotCredentials(keys);
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        finally
        {
            requestContext.Identity = credentials;
        }
    }

    // A role's own credentials say what failed in their own exception type.
    private static bool ShouldMark(Exception exception) =>
        exception is not (OperationCanceledException or AssumeRoleException);
}
