using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Client.Pipeline;

/// <summary>
/// Sits just inside the SDK's <see cref="RetryHandler"/>, so it sees every attempt of a call. When an attempt
/// starts after a failed one, that is a retry: it reports it with the failed attempt's error code.
/// </summary>
internal sealed class RetryObserverHandler : PipelineHandler
{
    private const string LastErrorCodeKey = "Watcher.WorkMail.LastErrorCode";

    public override void InvokeSync(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        ReportRetry(executionContext.RequestContext);
        try
        {
            base.InvokeSync(executionContext);
        }
        catch (Exception exception)
        {
            Remember(executionContext.RequestContext, exception);
            throw;
        }
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        ReportRetry(executionContext.RequestContext);
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Remember(executionContext.RequestContext, exception);
            throw;
        }
    }

    private static void Remember(IRequestContext requestContext, Exception exception) =>
        requestContext.ContextAttributes[LastErrorCodeKey] = WorkMailErrorClassifier.ErrorCodeOf(exception);

    private static void ReportRetry(IRequestContext requestContext)
    {
        if (!requestContext.ContextAttributes.TryGetValue(LastErrorCodeKey, out var previous) || previous is not string errorCode)
        {
            return;
        }

        requestContext.ContextAttributes.Remove(LastErrorCodeKey);
        if (requestContext.ClientConfig is not AmazonWorkMailConfig { OnRetry: { } onRetry })
        {
            return;
        }

        var (operation, organizationId) = requestContext.OriginalRequest switch
        {
            DescribeMailboxExportJobRequest describe => (WorkMailOperations.DescribeMailboxExportJob, describe.OrganizationId),
            ListMailboxExportJobsRequest list => (WorkMailOperations.ListMailboxExportJobs, list.OrganizationId),
            ListUsersRequest users => (WorkMailOperations.ListUsers, users.OrganizationId),
            ListResourcesRequest resources => (WorkMailOperations.ListResources, resources.OrganizationId),
            _ => (requestContext.RequestName ?? "Unknown", null),
        };
        onRetry(new WorkMailRetry(operation, organizationId ?? string.Empty, errorCode));
    }
}
