using Quartz;
using Watcher.Coverage;

namespace Watcher.Scheduling;

/// <summary>The Quartz job that scans one organization's coverage, every <c>Watcher:Coverage:Interval</c>.</summary>
[DisallowConcurrentExecution]
public sealed class CoverageScanJob(CoverageScanner scanner, PollSchedule schedule, IHostApplicationLifetime lifetime) : IJob
{
    internal const string OrganizationIdKey = "OrganizationId";

    /// <summary>How long a scan waits, again, for its organization's first successful listing; the wait costs no WorkMail call.</summary>
    internal static readonly TimeSpan RetryEarly = TimeSpan.FromSeconds(3);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        cancellationToken = stopping.Token;
        var organizationId = context.MergedJobDataMap.GetString(OrganizationIdKey)!;
        try
        {
            switch (await scanner.ScanAsync(organizationId, cancellationToken))
            {
                case CoverageScanOutcome.NotWatched:
                    await context.Scheduler.DeleteJob(context.JobDetail.Key, cancellationToken);
                    break;
                case CoverageScanOutcome.TooEarly:
                    await schedule.ScanCoverageAtAsync(organizationId, RetryEarly, cancellationToken);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the in-flight call was cancelled, which is not a failure of the scan.
        }
    }
}
