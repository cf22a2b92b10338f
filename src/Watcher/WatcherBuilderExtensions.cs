using Microsoft.Extensions.DependencyInjection.Extensions;
using Watcher.Clients;
using Watcher.Configuration;
using Watcher.Coverage;
using Watcher.Jobs;
using Watcher.Metrics;
using Watcher.Scheduling;
using Watcher.Web;

namespace Watcher;

public static class WatcherBuilderExtensions
{
    /// <summary>Where Watcher listens unless <c>Urls</c>, <c>--urls</c> or <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://0.0.0.0:9464";

    /// <summary>Options and their reloads, the WorkMail client, scheduling, coverage, metrics and health checks.</summary>
    public static WebApplicationBuilder AddWatcher(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddWatcherOptions();
        builder.Services.AddWatcherState();
        builder.Services.AddCoverage();
        builder.Services.AddWatcherMetrics(builder.Configuration);
        builder.Services.AddWorkMail();
        builder.AddWatcherScheduling();
        builder.Services.AddSettingsReload();
        builder.Services.AddWatcherHealthChecks();
        return builder;
    }
}
