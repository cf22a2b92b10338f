using Microsoft.Extensions.Options;
using Watcher.Configuration;
using Watcher.Metrics;

namespace Watcher.WorkMail;

public static class WorkMailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the WorkMail client: the SDK-based client, metered, behind the concurrency bound.
    /// Credentials come from the SDK's default chain unless a <see cref="WorkMailStaticCredentials"/>
    /// singleton is registered (the demo does that for the simulator's keys).
    /// </summary>
    public static IServiceCollection AddWorkMail(this IServiceCollection services)
    {
        services.AddSingleton<IWorkMailExportJobs>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<WatcherOptions>>().Value;
            var metrics = provider.GetRequiredService<WatcherMetrics>();
            var settings = AwsSettings.ToClientSettings(
                options.Aws,
                provider.GetRequiredService<IDefaultRegionSource>(),
                provider.GetService<WorkMailStaticCredentials>(),
                retry => metrics.ApiRetry(retry.Operation, retry.OrganizationId, retry.ErrorCode));

            var client = new WorkMailExportJobsClient(settings);
            var metered = new MeteredWorkMailExportJobs(client, metrics, provider.GetRequiredService<TimeProvider>());
            return new ConcurrencyLimitedWorkMailExportJobs(metered, options.MaxConcurrentCalls);
        });
        return services;
    }
}
