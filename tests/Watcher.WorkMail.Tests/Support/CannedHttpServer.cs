using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Watcher.WorkMail.Tests.Support;

/// <summary>
/// A tiny HTTP/1.1 server on loopback that answers each request with the next canned response (the last one
/// repeats). It lets tests feed the real SDK pipeline bodies the simulator never produces.
/// </summary>
public sealed class CannedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<CannedResponse> _responses = new();
    private readonly ConcurrentQueue<CannedRequest> _requests = new();
    private readonly Task _acceptLoop;
    private CannedResponse _last;

    public CannedHttpServer(params CannedResponse[] answers)
    {
        if (answers.Length == 0)
        {
            throw new ArgumentException("At least one response is needed.", nameof(answers));
        }

        foreach (var answer in answers)
        {
            _responses.Enqueue(answer);
        }

        _last = answers[^1];
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptAsync();
    }

    public Uri Url { get; }

    public IReadOnlyList<CannedRequest> Requests => [.. _requests];

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var socket = await _listener.AcceptTcpClientAsync(_stopping.Token);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(TcpClient socket)
    {
        using (socket)
        {
            try
            {
                var stream = socket.GetStream();
                while (await ReadRequestAsync(stream) is { } request)
                {
                    _requests.Enqueue(request);
                    var response = _responses.TryDequeue(out var next) ? _last = next : _last;
                    if (response.Delay > TimeSpan.Zero)
                    {
                        await Task.Delay(response.Delay, _stopping.Token);
                    }

                    await WriteResponseAsync(stream, response);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (a timeout, a cancelled test): nothing to answer.
            }
        }
    }

    private static async Task<CannedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var buffer = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(buffer) == 0)
            {
                return null;
            }

            head.Add(buffer[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        var length = headers.TryGetValue("content-length", out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return new CannedRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body));
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';

    private static async Task WriteResponseAsync(NetworkStream stream, CannedResponse response)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = $"HTTP/1.1 {(int)response.Status} {response.Status}\r\n"
            + $"Content-Type: {response.ContentType}\r\n"
            + $"Content-Length: {body.Length}\r\n"
            + "x-amzn-RequestId: canned-request-id\r\n"
            + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }
}
