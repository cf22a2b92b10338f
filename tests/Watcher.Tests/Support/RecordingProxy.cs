using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Watcher.Testing.Waiting;

namespace Watcher.Tests.Support;

/// <summary>
/// A loopback HTTP proxy in front of the simulator that records when each request arrived and when its answer
/// left, so a test can see what is in flight (the simulator logs a request only once it is answered). The Host
/// header is passed on unchanged, so SigV4 signatures still verify. Every arrival and answer pulses
/// <see cref="Changed"/>.
/// </summary>
internal sealed class RecordingProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client;
    private readonly Lock _gate = new();
    private readonly List<Exchange> _exchanges = [];
    private readonly TimeProvider _time;
    private int _inFlight;

    private RecordingProxy(WebApplication app, HttpClient client, TimeProvider time, Signal changed)
    {
        _app = app;
        _client = client;
        _time = time;
        Changed = changed;
    }

    /// <summary>Pulsed when a request arrives and when its answer leaves.</summary>
    public Signal Changed { get; }

    /// <summary>Requests that have arrived so far.</summary>
    public int Arrivals
    {
        get
        {
            lock (_gate)
            {
                return _exchanges.Count;
            }
        }
    }

    /// <summary>Requests forwarded and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Ticks per second of <see cref="Exchange.At"/>.</summary>
    public long ClockFrequency => _time.TimestampFrequency;

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<Exchange> Exchanges
    {
        get
        {
            lock (_gate)
            {
                return [.. _exchanges];
            }
        }
    }

    /// <param name="target">Where requests are forwarded to.</param>
    /// <param name="time">The clock <see cref="Exchange.At"/> is read from; the system's when null.</param>
    /// <param name="changed">The signal to pulse, e.g. a <see cref="Watcher.Testing.Time.SimulatedTime"/>'s; one of its own when null.</param>
    public static async Task<RecordingProxy> StartAsync(Uri target, TimeProvider? time = null, Signal? changed = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { BaseAddress = target, Timeout = Timeout.InfiniteTimeSpan };
        var proxy = new RecordingProxy(app, client, time ?? TimeProvider.System, changed ?? new Signal());
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        proxy.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/");
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _client.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var bytes = body.ToArray();
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var exchange = new Exchange(target[(target.LastIndexOf('.') + 1)..], JobIdOf(bytes), Stopwatch.GetTimestamp(), _time.GetTimestamp());
        lock (_gate)
        {
            _exchanges.Add(exchange);
        }

        Interlocked.Increment(ref _inFlight);
        Changed.Pulse();

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString)
        {
            Content = new ByteArrayContent(bytes),
        };
        foreach (var (name, values) in context.Request.Headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Expect", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        try
        {
            using var response = await _client.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        finally
        {
            exchange.Ended = Stopwatch.GetTimestamp();
            Interlocked.Decrement(ref _inFlight);
            Changed.Pulse();
        }
    }

    private static string? JobIdOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("JobId", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(body).Contains("AssumeRole", StringComparison.Ordinal) ? "sts" : null;
        }
    }

    /// <param name="started">When the request arrived, in <see cref="Stopwatch"/> ticks: real order, even on a fake clock.</param>
    /// <param name="at">When the request arrived by the clock the proxy was given (the app's, when it runs on simulated time).</param>
    internal sealed class Exchange(string operation, string? jobId, long started, long at)
    {
        private long _ended;

        public string Operation { get; } = operation;

        public string? JobId { get; } = jobId;

        public long Started { get; } = started;

        public long At { get; } = at;

        /// <summary>0 while in flight.</summary>
        public long Ended
        {
            get => Interlocked.Read(ref _ended);
            set => Interlocked.Exchange(ref _ended, value);
        }

        public bool InFlight => Ended == 0;
    }
}
