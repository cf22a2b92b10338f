using System.Net.Http.Headers;
using System.Text.Json;

namespace Watcher.Simulator.Tests.Infrastructure;

internal sealed record TestResponse(int StatusCode, string Body, string? ContentType, HttpResponseHeaders Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>__type exactly as sent.</summary>
    public string? ErrorType => Json.TryGetProperty("__type", out var type) ? type.GetString() : null;

    /// <summary>__type without the shape namespace, as SDKs read it.</summary>
    public string? ErrorCode => ErrorType?[(ErrorType.IndexOf('#', StringComparison.Ordinal) + 1)..];

    public string? Message => Json.TryGetProperty(nameof(Message), out var message) ? message.GetString() : null;
}
