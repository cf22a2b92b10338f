using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Watcher.Testing.Waiting;

namespace Watcher.Testing.Otlp;

/// <summary>
/// An OTLP/HTTP metrics receiver on a free loopback port: it answers <c>POST /v1/metrics</c> with protobuf bodies
/// (gzip too), decodes each request with <see cref="OtlpDecoder"/> and keeps them in order of arrival.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OtlpBatch> _batches = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>What OTEL_EXPORTER_OTLP_ENDPOINT should say: the exporter appends <c>/v1/metrics</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Pulses after each request is recorded.</summary>
    public Signal Received { get; } = new();

    public IReadOnlyList<OtlpBatch> Batches => [.. _batches];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/metrics", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    /// <summary>Waits for a request that <paramref name="condition"/> accepts, arriving after <paramref name="after"/> requests.</summary>
    public async Task<OtlpBatch> WaitForAsync(Func<OtlpBatch, bool> condition, TimeSpan timeout, string what, int after = 0)
    {
        ArgumentNullException.ThrowIfNull(condition);
        OtlpBatch? found = null;
        await Wait.UntilAsync(() => (found = Batches.Skip(after).FirstOrDefault(condition)) is not null, Received, timeout, () => what);
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        var source = context.Request.Headers.ContentEncoding == "gzip"
            ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
            : context.Request.Body;
        await using (source)
        {
            await source.CopyToAsync(body, context.RequestAborted);
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        _batches.Enqueue(OtlpDecoder.Decode(body.ToArray()) with { Headers = headers });
        Received.Pulse();

        // An empty ExportMetricsServiceResponse: everything accepted.
        context.Response.ContentType = "application/x-protobuf";
        context.Response.ContentLength = 0;
    }
}
