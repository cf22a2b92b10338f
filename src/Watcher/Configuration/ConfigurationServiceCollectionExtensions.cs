using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Watcher.Configuration;

public static class ConfigurationServiceCollectionExtensions
{
    /// <summary>Binds the <c>Watcher</c> section and validates it before anything is served.</summary>
    public static IServiceCollection AddWatcherOptions(this IServiceCollection services)
    {
        services.TryAddSingleton<IDefaultRegionSource, EnvironmentRegionSource>();
        services.TryAddSingleton<SettingsFiles>();

        // The binder reads every key before binding, and its problems come first among the validation failures. No
        // change token source: WatchedJobsService follows reloads itself, and ValidateOnStart's options monitor would
        // otherwise rebuild the options on the reloading thread and throw there for a bad reload.
        services.AddSingleton<WatcherOptionsBinder>();
        services.AddSingleton<IConfigureOptions<WatcherOptions>>(s => s.GetRequiredService<WatcherOptionsBinder>());
        services.AddSingleton<IValidateOptions<WatcherOptions>>(s => s.GetRequiredService<WatcherOptionsBinder>());
        services.AddSingleton<IValidateOptions<WatcherOptions>, WatcherOptionsValidator>();
        services.AddOptions<WatcherOptions>().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Reloads the configuration when a settings file changes, or on SIGHUP. Add it after the services that follow
    /// reloads (<see cref="Scheduling.WatchedJobsService"/>), so they listen before the first one.
    /// </summary>
    public static IServiceCollection AddSettingsReload(this IServiceCollection services)
    {
        // The wall clock, not the app's TimeProvider (which tests simulate): files change in real time.
        services.AddHostedService(s => new SettingsReloadService(s.GetRequiredService<SettingsFiles>(), TimeProvider.System, s.GetRequiredService<ILogger<SettingsReloadService>>()));
        return services;
    }
}
