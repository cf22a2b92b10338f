using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Watcher.Testing.Waiting;

namespace Watcher.EndToEnd.Tests.Support;

/// <summary>
/// An Alertmanager webhook receiver on loopback: it records every notification Alertmanager posts (the webhook's
/// JSON, version 4) and pulses <see cref="Received"/>, so tests wait on notifications rather than on the clock.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _notifications = [];

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public Signal Received { get; } = new();

    /// <summary>Every notification so far, in the order they came.</summary>
    public IReadOnlyList<JsonObject> Notifications
    {
        get
        {
            lock (_lock)
            {
                return [.. _notifications];
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/", async (HttpContext context) =>
        {
            var notification = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
            receiver.Record(notification);
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        return receiver;
    }

    /// <summary>The alerts of every notification so far with <paramref name="status"/> (firing or resolved) that match.</summary>
    public List<JsonObject> Alerts(string status, Func<JsonObject, bool> match) =>
        [.. Notifications
            .Where(n => (string?)n["status"] == status)
            .SelectMany(n => n["alerts"]!.AsArray().OfType<JsonObject>())
            .Where(a => (string?)a["status"] == status && match(a))];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Record(JsonObject notification)
    {
        lock (_lock)
        {
            _notifications.Add(notification);
        }

        Received.Pulse();
    }
}
