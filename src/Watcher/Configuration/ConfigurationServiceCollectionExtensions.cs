using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Watcher.Configuration;

public static class ConfigurationServiceCollectionExtensions
{
    /// <summary>Binds the <c>Watcher</c> section and validates it before anything is served.</summary>
    public static IServiceCollection AddWatcherOptions(this IServiceCollection services)
    {
        services.TryAddSingleton<IDefaultRegionSource, EnvironmentRegionSource>();
        services.AddSingleton<IValidateOptions<WatcherOptions>, WatcherOptionsValidator>();
        services.AddOptions<WatcherOptions>()
                .BindConfiguration(WatcherOptions.SectionName)
                .ValidateOnStart();
        return services;
    }
}
