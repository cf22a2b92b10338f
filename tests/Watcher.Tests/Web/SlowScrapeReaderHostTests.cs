using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Watcher.Jobs;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Testing.Prometheus;
using Watcher.Testing.Waiting;
using Watcher.Tests.Support;
using Watcher.Web;
using Xunit.Abstractions;

namespace Watcher.Tests.Web;

/// <summary>
/// Scrapers that stop reading halfway through a multi-megabyte <c>/metrics</c>, on the real Kestrel: their responses
/// stall in the socket, and nothing else may stall with them. Other scrapes, polls and configuration reloads go on.
/// The app, its Quartz scheduler and the simulator share one <see cref="FakeTimeProvider"/>, which the test runs at
/// about fifty times real time so that polls ten simulated seconds apart land every fifth of a second.
/// </summary>
[Collection(SequentialHosts.Name)]
public sealed class SlowScrapeReaderHostTests(ITestOutputHelper output)
{
    private const string Org = "m-0000000000000000000000000000510e";
    private const string SeededOrg = "m-000000000000000000000000005eeded";
    private const string Polled = "polled";
    private const string Added = "added";
    private const int SeededJobs = 3_000;
    private const int SlowReaders = 2;
    private const int ScrapesInARow = 5;
    private const string LastPollSuccess = "workmail_export_job_last_poll_success_timestamp_seconds";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Metrics_WhileReadersStallMidResponse_OtherScrapesPollsAndReloadsGoOnAndTheStalledAreDroppedAtTheDeadline()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions(), time);
        simulator.Store.AddOrganization(Org);
        foreach (var id in new[] { Polled, Added })
        {
            simulator.Store.AddJob(Org, new SimulatedJob { JobId = id, StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(10), Outcome = SimulatedOutcome.RunForever });
        }

        await using var host = await WatcherTestHost.StartAsync(simulator, Settings(simulator, Polled), b => b.Services.AddSingleton<TimeProvider>(time));
        await host.WaitUntilReadyAsync(Timeout);

        // Thousands of watched jobs, straight into the store, so that one scrape is several megabytes.
        var store = host.Services.GetRequiredService<ExportJobStore>();
        for (var i = 0; i < SeededJobs; i++)
        {
            var key = new WatchedJobKey(SeededOrg, $"seeded-{i:D5}");
            Assert.True(store.Watch(key));
            var details = TestJobs.Running(key.JobId, i % 100, SeededOrg) with { Description = $"nightly export of mailbox {i:D5} for the legal hold of case 2026-{i % 97:D3}, kept for seven years" };
            Assert.True(store.TryUpdate(key, j => j.WithSuccess(details, time.GetUtcNow()), out _, out _));
        }

        var baselines = new List<TimeSpan>();
        var size = 0;
        for (var i = 0; i < 6; i++)
        {
            var (bytes, elapsed) = await TimedScrapeAsync(host.Client);
            size = bytes.Length;
            baselines.Add(elapsed);
        }

        // The first scrape encodes every label set; the median of the rest is what a scrape costs here, now.
        var baseline = baselines.Skip(1).Order().ElementAt(2);
        var bound = TimeSpan.FromTicks(Math.Max(5 * baseline.Ticks, TimeSpan.FromSeconds(2).Ticks));
        Assert.True(size > 3_000_000, $"a scrape is only {size:N0} bytes");

        using var activeRequests = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), "Microsoft.AspNetCore.Hosting", "http.server.active_requests");
        long Active() => activeRequests.GetMeasurementSnapshot().Sum(m => m.Value);

        using var clock = new CancellationTokenSource();
        var ticking = RunClockAsync(time, clock.Token);
        var slow = new List<Socket>();
        try
        {
            var before = PollSuccessTimestamp(await host.ScrapeAsync());
            var serverPort = host.Address.Port;
            for (var i = 0; i < SlowReaders; i++)
            {
                slow.Add(await StartSlowScrapeAsync(host.Address));
            }

            // Stalled: the bytes on their way to each slow reader have stopped growing, far short of a response. The
            // kernel takes up to ~1.7 MB into the server's send buffer, so "far short" means less than half.
            var stalled = new List<long>();
            foreach (var socket in slow)
            {
                stalled.Add(await WaitUntilStalledAsync(serverPort, ((IPEndPoint)socket.LocalEndPoint!).Port));
            }

            Assert.All(stalled, bytes => Assert.True(bytes < size / 2, $"{bytes:N0} of {size:N0} bytes reached a slow reader's socket: not stalled early"));
            Assert.Equal(SlowReaders, Active());
            output.WriteLine($"scrape {size:N0} B, baseline {baseline.TotalMilliseconds:F0} ms; slow readers (receive buffer {slow[0].ReceiveBufferSize} B) stalled at {string.Join(", ", stalled.Select(b => b.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} B");

            // (a) Other scrapes complete, whole, one after another, in about the time they took before.
            for (var i = 0; i < ScrapesInARow; i++)
            {
                var (bytes, elapsed) = await TimedScrapeAsync(host.Client);
                output.WriteLine($"scrape {i + 1} while stalled: {elapsed.TotalMilliseconds:F0} ms");
                Assert.True(elapsed <= bound, $"scrape {i + 1} took {elapsed.TotalMilliseconds:F0} ms while readers stalled, over {bound.TotalMilliseconds:F0} ms (baseline {baseline.TotalMilliseconds:F0} ms)");
                Assert.Equal(SeededJobs + 1, Occurrences(bytes, "\nworkmail_export_job_info{"u8));
            }

            // (b) Polls go on: the configured job's last successful poll moves on, poll after poll.
            var polls = new HashSet<double> { before };
            await host.ScrapeUntilAsync(
                s =>
                {
                    polls.Add(PollSuccessTimestamp(s));
                    return polls.Count > 3;
                },
                Timeout,
                "three more polls of the configured job");

            // (c) A reload is applied: the added job is polled and gets its series. The seeded jobs, which no
            // configuration lists, stop being watched, as a reload does to any such job.
            var reloading = Stopwatch.StartNew();
            await host.RewriteSettingsAsync(Settings(simulator, Polled, Added));
            var reloaded = await host.ScrapeUntilAsync(s => s.For("workmail_export_job_state", Added).Any(), Timeout, "the added job's series");
            output.WriteLine($"reload applied and the added job scraped after {reloading.ElapsedMilliseconds} ms");
            Assert.Equal(4, reloaded.For("workmail_export_job_state", Added).Count());
            Assert.Equal(1, reloaded.For("workmail_export_job_state", Added).Sum(s => s.Value));
            Assert.Single(reloaded.For("workmail_export_job_info", Added));
            Assert.DoesNotContain(reloaded.Named("workmail_export_job_info"), s => s["organization_id"] == SeededOrg);

            // Still stalled through all of the above: the bytes in flight where they were (give or take the kernel's
            // window probes), millions short of a response, and the requests still running.
            for (var i = 0; i < slow.Count; i++)
            {
                Assert.InRange(TcpQueues.InFlight(serverPort, ((IPEndPoint)slow[i].LocalEndPoint!).Port), stalled[i], stalled[i] + (64 * 1024));
            }

            Assert.Equal(SlowReaders, Active());

            // (d) A reader that never reads is not kept forever: past the scrape deadline its response is dropped,
            // while its socket is still open.
            await clock.CancelAsync();
            await ticking;
            time.Advance(MetricsResponse.Deadline);
            await Wait.UntilAsync(
                () => Task.FromResult(Active() == 0),
                Timeout,
                () => $"the slow responses to be dropped {MetricsResponse.Deadline} after they started; {Active()} still active",
                every: TimeSpan.FromMilliseconds(50));
        }
        finally
        {
            slow.ForEach(s => s.Dispose());
            await clock.CancelAsync();
            await ticking;
        }
    }

    /// <summary>Connects with a receive buffer as small as the OS allows, asks for /metrics, and never reads.</summary>
    private static async Task<Socket> StartSlowScrapeAsync(Uri address)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1 };
        await socket.ConnectAsync(IPAddress.Loopback, address.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /metrics HTTP/1.1\r\nHost: {address.Authority}\r\n\r\n"));
        return socket;
    }

    /// <summary>
    /// Waits until the bytes on their way to a reader have stopped growing for a second; returns them. The kernel's
    /// queues give no signal when they stop changing, so they are read again every 20 ms.
    /// </summary>
    private static async Task<long> WaitUntilStalledAsync(int serverPort, int clientPort)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var last = -1L;
        var steadySince = Stopwatch.StartNew();
        while (true)
        {
            var now = TcpQueues.InFlight(serverPort, clientPort);
            if (now != last || now == 0)
            {
                last = now;
                steadySince.Restart();
            }
            else if (steadySince.Elapsed >= TimeSpan.FromSeconds(1))
            {
                return now;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the response to port {clientPort} never stalled ({now:N0} bytes in flight)");
            await Task.Delay(20);
        }
    }

    private static async Task<(byte[] Bytes, TimeSpan Elapsed)> TimedScrapeAsync(HttpClient client)
    {
        var started = Stopwatch.GetTimestamp();
        var bytes = await client.GetByteArrayAsync(new Uri("/metrics", UriKind.Relative));
        return (bytes, Stopwatch.GetElapsedTime(started));
    }

    private static int Occurrences(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value)
    {
        var count = 0;
        for (var at = text.IndexOf(value); at >= 0; at = text.IndexOf(value))
        {
            count++;
            text = text[(at + value.Length)..];
        }

        return count;
    }

    private static double PollSuccessTimestamp(PrometheusText scrape) => scrape.For(LastPollSuccess, Polled).Single().Value;

    /// <summary>
    /// Simulated time at about ten times real time, until cancelled: polls every second of real time, and the
    /// whole test well inside the scrape deadline until step (d) passes it on purpose.
    /// </summary>
    private static async Task RunClockAsync(FakeTimeProvider time, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            try
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static object Settings(WorkMailSimulator simulator, params string[] jobIds) => new
    {
        Aws = new { Region = simulator.Region, ServiceUrl = simulator.ServiceUrl.ToString(), MaxRequestsPerSecond = 100 },
        PollInterval = "00:00:10",
        Jobs = jobIds.Select(id => new { OrganizationId = Org, JobId = id }).ToArray(),
    };
}
