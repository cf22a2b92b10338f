using Watcher.Metrics.Exposition;

namespace Watcher.Web;

/// <summary>
/// Makes one <c>/metrics</c> response of two parts: what OpenTelemetry's Prometheus exporter collects (counters,
/// the histogram, process-level and Quartz gauges), captured in memory, then the per-job families written from
/// the job snapshot by <see cref="JobSeriesWriter"/>. The exporter negotiates the format; OpenMetrics keeps
/// exactly one <c># EOF</c>, at the very end.
/// </summary>
internal static class MetricsResponse
{
    private static readonly byte[] Eof = ExpositionText.Eof.ToArray();

    public static async Task WriteAsync(HttpContext context, RequestDelegate exporter)
    {
        var response = context.Response;
        var socket = response.Body;
        using var captured = new CapturedBody();
        response.Body = captured;
        try
        {
            await exporter(context);
        }
        finally
        {
            response.Body = socket;
        }

        if (response.StatusCode != StatusCodes.Status200OK)
        {
            await response.Body.WriteAsync(captured.Written, context.RequestAborted);
            return;
        }

        // With nothing collected the exporter leaves the content type unset; the per-job part still has a format.
        response.ContentType ??= ExpositionText.TextContentType;
        var openMetrics = ExpositionText.IsOpenMetrics(response.ContentType);
        var collected = captured.Written;
        if (openMetrics && collected.Span.EndsWith(ExpositionText.Eof))
        {
            collected = collected[..^ExpositionText.Eof.Length];
        }

        var output = response.BodyWriter;
        try
        {
            await output.WriteAsync(collected, context.RequestAborted);
            await context.RequestServices.GetRequiredService<JobSeriesWriter>().WriteAsync(output, openMetrics, context.RequestAborted);
            if (openMetrics)
            {
                await output.WriteAsync(Eof, context.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The scraper went away mid-response; nobody is left to tell.
        }
    }
}
