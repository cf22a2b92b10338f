using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Watcher.EndToEnd.Tests.Support;

/// <summary>
/// Prometheus 2.42 always asks for OpenMetrics first. This proxy forwards its scrapes to Watcher without an
/// Accept header, so Watcher answers in the text format 0.0.4 and Prometheus has to parse that too.
/// </summary>
internal sealed class TextFormatProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private TextFormatProxy(WebApplication app, HttpClient upstream, Uri address)
    {
        _app = app;
        _upstream = upstream;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<TextFormatProxy> StartAsync(Uri watcher)
    {
        var upstream = new HttpClient { BaseAddress = watcher, Timeout = TimeSpan.FromSeconds(10) };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            using var response = await upstream.GetAsync(new Uri("metrics", UriKind.Relative), context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TextFormatProxy(app, upstream, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
