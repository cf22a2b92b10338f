using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace Watcher.Browser.Tests.Support;

/// <summary>
/// One Chromium tab driven through the DevTools protocol over a plain WebSocket: commands answered by id,
/// events awaited by name.
/// </summary>
internal sealed class DevToolsPage : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _commands = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _events = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private Task _receiving = Task.CompletedTask;
    private int _nextId;

    public static async Task<DevToolsPage> ConnectAsync(Uri webSocket)
    {
        var page = new DevToolsPage();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await page._socket.ConnectAsync(webSocket, timeout.Token);
        page._receiving = Task.Run(page.ReceiveAsync);
        await page.SendAsync("Page.enable");
        await page.SendAsync("Runtime.enable");
        return page;
    }

    /// <summary>Sends a command and returns its <c>result</c>; a protocol error fails the test.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _commands[id] = answer;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _closing.Token);

        var reply = await answer.Task.WaitAsync(CommandTimeout);
        if (reply.TryGetProperty("error", out var error))
        {
            Assert.Fail($"{method} failed: {error}");
        }

        return reply.GetProperty("result");
    }

    /// <summary>Call before the command that causes the event, so that it cannot be missed.</summary>
    public Task<JsonElement> NextEventAsync(string method)
    {
        var next = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _events[method] = next;
        return next.Task.WaitAsync(CommandTimeout);
    }

    /// <summary>Loads <paramref name="url"/> and waits for its load event.</summary>
    public async Task NavigateAsync(Uri url)
    {
        var loaded = NextEventAsync("Page.loadEventFired");
        var result = await SendAsync("Page.navigate", new { url = url.ToString() });
        Assert.False(result.TryGetProperty("errorText", out var errorText), $"Navigating to {url} failed: {errorText}");
        await loaded;
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            Assert.Fail($"Evaluating {expression} threw: {exception}");
        }

        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var json) ? json.Clone() : default;
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _socket.Abort();
        try
        {
            await _receiving;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }

        _socket.Dispose();
        _closing.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!_closing.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            var frame = await _socket.ReceiveAsync(buffer, _closing.Token);
            if (frame.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, frame.Count);
            if (!frame.EndOfMessage)
            {
                continue;
            }

            using (var document = JsonDocument.Parse(message.ToArray()))
            {
                var root = document.RootElement.Clone();
                if (root.TryGetProperty("id", out var id) && _commands.TryRemove(id.GetInt32(), out var command))
                {
                    command.TrySetResult(root);
                }
                else if (root.TryGetProperty("method", out var method) && _events.TryRemove(method.GetString()!, out var waiter))
                {
                    waiter.TrySetResult(root.TryGetProperty("params", out var parameters) ? parameters : root);
                }
            }

            message.SetLength(0);
        }
    }
}
