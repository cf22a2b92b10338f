using Quartz;
using Watcher.Polling;

namespace Watcher.Scheduling;

/// <summary>The Quartz job for one organization whose export jobs are discovered.</summary>
[DisallowConcurrentExecution]
public sealed class OrganizationPollJob(OrganizationPoller poller, IHostApplicationLifetime lifetime) : IJob
{
    internal const string OrganizationIdKey = "OrganizationId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Quartz's shutdown with WaitForJobsToComplete waits for this job without cancelling its token, so a
        // WorkMail call in flight would hold up the shutdown: cancel it when the application starts stopping.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        cancellationToken = stopping.Token;
        var organizationId = context.MergedJobDataMap.GetString(OrganizationIdKey)!;
        try
        {
            if (await poller.PollAsync(organizationId, cancellationToken) == PollOutcome.NotWatched)
            {
                await context.Scheduler.DeleteJob(context.JobDetail.Key, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the in-flight call was cancelled, which is not a failure of the poll.
        }
    }
}
