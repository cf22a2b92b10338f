using Microsoft.Extensions.Options;
using Quartz;
using Watcher.Configuration;
using Watcher.Polling;

namespace Watcher.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    private const string MaxConcurrencyKey = "quartz.threadPool.maxConcurrency";

    /// <summary>
    /// Registers Quartz (on the container's <see cref="TimeProvider"/>, which Quartz 4.7 takes when none is given to
    /// it), the pollers and the job reconciler. Quartz and the host read their settings from the validated options.
    /// </summary>
    public static IHostApplicationBuilder AddWatcherScheduling(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddQuartz();
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);

        // A poll holds a Quartz thread while it waits for a WorkMail call slot; one more thread than call slots
        // keeps a poll that is due from waiting on one that waits.
        services.AddOptions<QuartzOptions>().Configure<IOptions<WatcherOptions>>((quartz, watcher) =>
            Settle(watcher, o => quartz.Properties[MaxConcurrencyKey] = (o.MaxConcurrentCalls + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // How long the host waits for the hosted services (Quartz's polls in flight, which are cancelled) to stop.
        services.AddOptions<HostOptions>().Configure<IOptions<WatcherOptions>>((host, watcher) =>
            Settle(watcher, o => host.ShutdownTimeout = o.ShutdownTimeout));

        services.AddSingleton<LastGoodWatcherOptions>();
        services.AddSingleton<PollSchedule>();
        services.AddSingleton<ExportJobPoller>();
        services.AddSingleton<OrganizationPoller>();
        services.AddSingleton<WatchedJobsReconciler>();
        services.AddSingleton<Readiness>();
        services.AddHostedService<WatchedJobsService>();
        return builder;
    }

    /// <summary>
    /// Applies validated options. The host reads its own options while it is built, before Watcher reports a bad
    /// configuration (with every failure named) and exits; until then the host keeps its defaults.
    /// </summary>
    private static void Settle(IOptions<WatcherOptions> watcher, Action<WatcherOptions> apply)
    {
        WatcherOptions options;
        try
        {
            options = watcher.Value;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            return;
        }

        apply(options);
    }
}
