using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Watcher.WorkMail.Client.Pipeline;

/// <summary>
/// Sits just inside the SDK's <see cref="RetryHandler"/>, so it runs before every HTTP attempt of a call, the
/// SDK's retries included, and awaits <see cref="AmazonWorkMailConfig.BeforeAttempt"/> (e.g. a rate limiter).
/// </summary>
internal sealed class BeforeAttemptHandler : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        if (executionContext.RequestContext.ClientConfig is AmazonWorkMailConfig { BeforeAttempt: { } beforeAttempt })
        {
            beforeAttempt(executionContext.RequestContext.CancellationToken).AsTask().GetAwaiter().GetResult();
        }

        base.InvokeSync(executionContext);
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        if (executionContext.RequestContext.ClientConfig is AmazonWorkMailConfig { BeforeAttempt: { } beforeAttempt })
        {
            await beforeAttempt(executionContext.RequestContext.CancellationToken).ConfigureAwait(false);
        }

        return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
    }
}
