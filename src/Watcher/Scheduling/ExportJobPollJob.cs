using Quartz;
using Watcher.Clients;
using Watcher.Jobs;
using Watcher.Polling;

namespace Watcher.Scheduling;

/// <summary>The Quartz job for one watched export job; its key names the organization and job.</summary>
[DisallowConcurrentExecution]
public sealed class ExportJobPollJob(ExportJobPoller poller, IWorkMailClients clients, IHostApplicationLifetime lifetime) : IJob
{
    internal const string OrganizationIdKey = "OrganizationId";
    internal const string JobIdKey = "JobId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Quartz's shutdown with WaitForJobsToComplete waits for this job without cancelling its token, so a
        // WorkMail call in flight would hold up the shutdown: cancel it when the application starts stopping.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        cancellationToken = stopping.Token;
        var data = context.MergedJobDataMap;
        var key = new WatchedJobKey(data.GetString(OrganizationIdKey)!, data.GetString(JobIdKey)!);

        try
        {
            var outcome = await poller.PollAsync(clients.OwnRegion, key, cancellationToken);
            if (outcome != PollOutcome.Continue)
            {
                await context.Scheduler.DeleteJob(context.JobDetail.Key, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the in-flight call was cancelled, which is not a failure of the job.
        }
    }
}
