using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Testing.Time;
using Watcher.Tests.Support;
using Watcher.WorkMail;

namespace Watcher.Tests.Web;

/// <summary>What every endpoint answers to each HTTP method, and what asking before the first poll leaves in the log.</summary>
[Collection(SequentialHosts.Name)]
public sealed class HttpSurfaceHostTests : IAsyncLifetime
{
    private const string Org = "m-000000000000000000000000000000ff";

    private static readonly string[] Paths = ["/", "/metrics", "/healthz", "/readyz"];

    private static readonly HttpMethod[] Refused =
        [HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options, HttpMethod.Trace];

    private readonly SimulatedTime _time = new();
    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions(), _time.Clock);
        _simulator.Store.AddOrganization(Org, "surface");
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = "running", StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(10) });
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Endpoints_EveryMethod_AnswerGetAndHeadAndRefuseTheRestWithAllow()
    {
        await using var host = await WatcherTestHost.StartAsync(
            _simulator,
            new
            {
                Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString() },
                PollInterval = "00:00:10",
                Jobs = new[] { new { OrganizationId = Org, JobId = "running" } },
            },
            time: _time);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        foreach (var path in Paths)
        {
            using var get = await SendAsync(host, HttpMethod.Get, path);
            var body = await get.Content.ReadAsByteArrayAsync();
            Assert.True(get.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)get.StatusCode}");
            Assert.NotEmpty(body);

            using var head = await SendAsync(host, HttpMethod.Head, path);
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {path} answered {(int)head.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());

            foreach (var method in Refused)
            {
                using var refused = await SendAsync(host, method, path);
                Assert.True(refused.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {path} answered {(int)refused.StatusCode}");
                Assert.Equal(["GET", "HEAD"], refused.Content.Headers.Allow);
                Assert.Empty(await refused.Content.ReadAsByteArrayAsync());
            }
        }

        using var unknown = await SendAsync(host, HttpMethod.Get, "/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Readyz_BeforeTheFirstPoll_Answers503AndLogsOnlyAtDebug()
    {
        // WorkMail accepts the connection and never answers, so the first poll is still running while /readyz is asked.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        await using var host = await WatcherTestHost.StartAsync(new WatcherTestHostOptions
        {
            WatcherSection = new
            {
                Aws = new { Region = "us-east-1", ServiceUrl = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/", RequestTimeout = "00:05:00" },
                Jobs = new[] { new { OrganizationId = Org, JobId = "running" } },
            },
            ConfigureAsync = builder =>
            {
                builder.Services.AddSingleton(new WorkMailStaticCredentials("AKIDEXAMPLE", "secret"));
                builder.Logging.AddFakeLogging().AddFilter<FakeLoggerProvider>(null, LogLevel.Debug);
                return Task.CompletedTask;
            },
        });

        for (var i = 0; i < 5; i++)
        {
            using var response = await SendAsync(host, HttpMethod.Get, "/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
        }

        var records = host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Empty(records.Where(r => r.Level >= LogLevel.Warning).Select(r => $"{r.Level} {r.Category}: {r.Message}"));
        Assert.Equal(5, records.Count(r => r.Level == LogLevel.Debug && r.Category == "Watcher.Web.ReadinessEndpoint"));
    }

    private static async Task<HttpResponseMessage> SendAsync(WatcherTestHost host, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        return await host.Client.SendAsync(request);
    }
}
