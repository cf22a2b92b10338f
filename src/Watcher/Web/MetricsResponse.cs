using System.IO.Compression;
using System.IO.Pipelines;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Watcher.Metrics.Exposition;

namespace Watcher.Web;

/// <summary>
/// Makes one <c>/metrics</c> response of two parts: what OpenTelemetry's Prometheus exporter collects (counters,
/// the histogram, process-level and Quartz gauges), captured in memory, then the per-job families written from
/// the job snapshot by <see cref="JobSeriesWriter"/>. The exporter negotiates the format; OpenMetrics keeps
/// exactly one <c># EOF</c>, at the very end.
/// </summary>
internal static partial class MetricsResponse
{
    /// <summary>
    /// A scraper that stops reading holds only its own response, but Kestrel's minimum data rate would let it
    /// hold that (and the snapshot it reads) for hours. No Prometheus waits this long for a scrape.
    /// </summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private static readonly byte[] Eof = ExpositionText.Eof.ToArray();

    public static async Task WriteAsync(HttpContext context, RequestDelegate exporter)
    {
        var response = context.Response;
        var socket = response.Body;

        // The exporter would gzip its own part only; the whole response is compressed below instead.
        var gzip = AcceptsGzip(context.Request.Headers.AcceptEncoding);
        context.Request.Headers.AcceptEncoding = StringValues.Empty;
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

        var services = context.RequestServices;
        using var timeout = new CancellationTokenSource(Deadline, services.GetRequiredService<TimeProvider>());
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeout.Token);
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        GZipStream? compressor = null;
        var output = response.BodyWriter;
        if (gzip)
        {
            response.Headers.ContentEncoding = "gzip";
            compressor = new GZipStream(socket, CompressionLevel.Fastest, leaveOpen: true);
            output = PipeWriter.Create(compressor, new StreamPipeWriterOptions(leaveOpen: true));
        }

        try
        {
            await output.WriteAsync(collected, cancel.Token);
            await services.GetRequiredService<JobSeriesWriter>().WriteAsync(output, openMetrics, cancel.Token);
            await services.GetRequiredService<CoverageSeriesWriter>().WriteAsync(output, openMetrics, cancel.Token);
            if (openMetrics)
            {
                await output.WriteAsync(Eof, cancel.Token);
            }

            if (compressor is not null)
            {
                // Writes gzip's trailer; a response cut short below never gets one, as the client has gone.
                await output.CompleteAsync();
                await compressor.FlushAsync(cancel.Token);
                await compressor.DisposeAsync();
                compressor = null;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            Log.AbandonedSlowReader(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MetricsResponse)), context.Connection.RemoteIpAddress?.ToString() ?? "unknown", Deadline);
            context.Abort();
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The scraper went away mid-response; nobody is left to tell.
        }
        finally
        {
            // Only after a response was cut short: the compressor's buffers go back, its trailer goes nowhere.
            try
            {
                compressor?.Dispose();
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
            }
        }
    }

    private static bool AcceptsGzip(StringValues acceptEncoding)
    {
        foreach (var header in acceptEncoding)
        {
            foreach (var coding in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = coding.Split(';', StringSplitOptions.TrimEntries);
                if (parts[0].Equals("gzip", StringComparison.OrdinalIgnoreCase) && !parts.Skip(1).Any(p => p.Replace(" ", string.Empty, StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "A /metrics client at {RemoteAddress} read its response too slowly; it was dropped after {Deadline}")]
        public static partial void AbandonedSlowReader(ILogger logger, string remoteAddress, TimeSpan deadline);
    }
}
