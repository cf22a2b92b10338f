using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Watcher.Web;

/// <summary>Liveness: the scheduler that drives every poll is running.</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulerFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return scheduler.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("The scheduler is running.")
            : HealthCheckResult.Unhealthy("The scheduler is not running.");
    }
}
