using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Watcher.Web;

public static class WebExtensions
{
    public const string MetricsPath = "/metrics";
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    private const string LiveTag = "live";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddWatcherHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
                .AddCheck<SchedulerHealthCheck>("scheduler", tags: [LiveTag])
                .AddCheck<ReadinessHealthCheck>("first-poll", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps <c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c> and the status page at <c>/</c>.</summary>
    public static WebApplication MapWatcherEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint(
            MetricsPath,
            meterProvider: null,
            configureBranchedPipeline: branch => branch.Use((context, next) => MetricsResponse.WriteAsync(context, next)),
            optionsName: null);
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapGet("/", StatusPageEndpoint.WriteAsync);
        return app;
    }
}
