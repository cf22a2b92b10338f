using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Watcher.Metrics;

namespace Watcher.Web;

public static class WebExtensions
{
    private const string LiveTag = "live";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddWatcherHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
                .AddCheck<SchedulerHealthCheck>("scheduler", tags: [LiveTag])
                .AddCheck<ReadinessHealthCheck>("first-poll", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps <c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c> and the landing page at <c>/</c>.</summary>
    public static WebApplication MapWatcherEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint(
            "/metrics",
            meterProvider: null,
            configureBranchedPipeline: branch => branch.Use((context, next) =>
                context.RequestServices.GetRequiredService<WatcherMetrics>().ScrapeAsync(() => next(context))),
            optionsName: null);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapGet("/", () => Results.Content(LandingPage.Html, "text/html; charset=utf-8"));
        return app;
    }
}
