using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Watcher.WorkMail.Client.Pipeline;

/// <summary>
/// Sits just outside the SDK's <see cref="RetryHandler"/> and reports a call that failed with a retryable error
/// while it still had attempts left: the only other reason the handler gives up is that the retry quota (a token
/// bucket per endpoint, shared by every client in the process) could not pay for the retry. The SDK marks the last
/// error retryable before it asks the quota; <see cref="RetryObserverHandler"/> clears the mark before each attempt,
/// so the mark always speaks of the last one.
/// </summary>
internal sealed class RetryQuotaObserverHandler : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        try
        {
            base.InvokeSync(executionContext);
        }
        catch (Exception exception)
        {
            ReportIfRefused(executionContext.RequestContext, exception);
            throw;
        }
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            ReportIfRefused(executionContext.RequestContext, exception);
            throw;
        }
    }

    private static void ReportIfRefused(IRequestContext requestContext, Exception exception)
    {
        if (requestContext.ClientConfig is AmazonWorkMailConfig { OnRetryRefused: { } onRefused } config
            && requestContext.IsLastExceptionRetryable
            && requestContext.Retries < config.MaxErrorRetry)
        {
            onRefused(RetryObserverHandler.Describe(requestContext, WorkMailErrorClassifier.ErrorCodeOf(exception)));
        }
    }
}
