using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Watcher.Web;

public static class WebExtensions
{
    public const string MetricsPath = "/metrics";
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    private const string LiveTag = "live";

    /// <summary>The methods every endpoint answers; anything else is 405.</summary>
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddWatcherHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
                .AddCheck<SchedulerHealthCheck>("scheduler", tags: [LiveTag]);
        return services;
    }

    /// <summary>
    /// Maps <c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c> and the status page at <c>/</c>, each answering GET and
    /// HEAD only: routing answers any other method with 405 and an <c>Allow</c> header, and Kestrel sends no body
    /// for HEAD. The exporter and the health checks would otherwise answer every method.
    /// </summary>
    public static WebApplication MapWatcherEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint(
            MetricsPath,
            meterProvider: null,
            configureBranchedPipeline: branch => branch.Use((context, next) => MetricsResponse.WriteAsync(context, next)),
            optionsName: null)
           .ReadOnly();
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).ReadOnly();
        app.Map(ReadinessPath, ReadinessEndpoint.WriteAsync).ReadOnly();
        app.Map("/", StatusPageEndpoint.WriteAsync).ReadOnly();
        return app;
    }

    private static void ReadOnly(this IEndpointConventionBuilder endpoint) =>
        endpoint.WithMetadata(new HttpMethodMetadata(ReadMethods));
}
