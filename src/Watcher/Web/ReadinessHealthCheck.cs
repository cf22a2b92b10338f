using Microsoft.Extensions.Diagnostics.HealthChecks;
using Watcher.Scheduling;

namespace Watcher.Web;

/// <summary>Readiness: every job watched at start has been polled once, whatever the answer.</summary>
internal sealed class ReadinessHealthCheck(Readiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("Every watched job has been polled.")
            : HealthCheckResult.Unhealthy("Waiting for the first poll of every watched job."));
}
