using Watcher.Scheduling;

namespace Watcher.Web;

/// <summary>
/// Serves <c>/readyz</c>, answering as the health-check middleware does (200 <c>Healthy</c> or 503
/// <c>Unhealthy</c>, never cached). It is not a health check because the health-check service logs every
/// unhealthy answer at Error, while not being ready is expected: it only happens before the first poll, and a
/// kubelet or Prometheus asks many times a second then.
/// </summary>
internal static partial class ReadinessEndpoint
{
    public static async Task WriteAsync(HttpContext context)
    {
        var ready = context.RequestServices.GetRequiredService<Readiness>().IsReady;
        if (!ready)
        {
            Log.NotReady(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReadinessEndpoint)));
        }

        var response = context.Response;
        response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        response.ContentType = "text/plain";
        response.Headers.CacheControl = "no-store, no-cache";
        await response.WriteAsync(ready ? "Healthy" : "Unhealthy", context.RequestAborted);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Not ready yet: waiting for the first poll of every job and organization watched at start")]
        public static partial void NotReady(ILogger logger);
    }
}
