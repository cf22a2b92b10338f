using System.Globalization;
using Quartz;
using Watcher.Configuration;

namespace Watcher.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Registers Quartz, driven by the registered <see cref="TimeProvider"/>, and the job reconciler.</summary>
    public static IHostApplicationBuilder AddWatcherScheduling(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Quartz takes its clock at registration, so use the instance a test may have registered.
        var time = services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider))?.ImplementationInstance as TimeProvider
                   ?? TimeProvider.System;
        var maxConcurrentCalls = builder.Configuration.GetValue($"{WatcherOptions.SectionName}:{nameof(WatcherOptions.MaxConcurrentCalls)}", 4);

        services.AddQuartz(quartz =>
        {
            quartz.UseTimeProvider(time);
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = Math.Clamp(maxConcurrentCalls, 1, WatcherOptionsValidator.MaxMaxConcurrentCalls) + 1);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);

        // How long the host waits for the hosted services (Quartz's polls in flight, which are cancelled) to stop.
        // A value that does not parse is reported by validation at start; here it only falls back to the default.
        var shutdownTimeout = TimeSpan.TryParse(builder.Configuration[$"{WatcherOptions.SectionName}:{nameof(WatcherOptions.ShutdownTimeout)}"], CultureInfo.InvariantCulture, out var configured)
            ? configured
            : TimeSpan.FromSeconds(10);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = Clamp(shutdownTimeout, WatcherOptionsValidator.MinShutdownTimeout, WatcherOptionsValidator.MaxShutdownTimeout));

        services.AddSingleton<PollSchedule>();
        services.AddSingleton<DiscoveryPolicy>();
        services.AddSingleton<ExportJobPoller>();
        services.AddSingleton<OrganizationPoller>();
        services.AddSingleton<WatchedJobsReconciler>();
        services.AddSingleton<Readiness>();
        services.AddHostedService<WatchedJobsService>();
        return builder;
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
