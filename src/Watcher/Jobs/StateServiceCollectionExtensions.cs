namespace Watcher.Jobs;

public static class StateServiceCollectionExtensions
{
    /// <summary>The job and organization snapshots and their one owner, <see cref="WatchedJobs"/>.</summary>
    public static IServiceCollection AddWatcherState(this IServiceCollection services)
    {
        services.AddSingleton<ExportJobStore>();
        services.AddSingleton<OrganizationStore>();
        services.AddSingleton<WatchedJobs>();
        return services;
    }
}
