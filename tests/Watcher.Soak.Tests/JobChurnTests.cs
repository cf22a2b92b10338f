using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Watcher.Clients;
using Watcher.Jobs;
using Watcher.Metrics;
using Watcher.Metrics.Exposition;
using Watcher.Polling;
using Watcher.Scheduling;
using Watcher.Soak.Tests.Support;
using Watcher.Testing.Prometheus;
using Watcher.Testing.Waiting;
using Watcher.Web;
using Xunit.Abstractions;

namespace Watcher.Soak.Tests;

/// <summary>
/// A million distinct export jobs pass through a hundred slots: the real app, discovering one organization whose
/// jobs start one after another, in simulated time. Each cycle the listing shows the newest 90 jobs, 45 of them new;
/// the app admits the new ones by evicting the oldest at the limit, drops the terminal ones the listing no longer
/// shows once retention has passed, and describes directly the few that left it still running. After every cycle
/// exactly the watched jobs have series; memory after the millionth is what it was after the first 50 000.
/// </summary>
public sealed class JobChurnTests(ITestOutputHelper output)
{
    private const string Org = "m-00000000000000000000000000c4c4c4";
    private const int Total = 1_000_000;
    private const int NewPerCycle = 45;
    private const int Listed = 90;
    private const int MaxWatchedJobs = 100;
    private const int WarmUpJobs = 50_000;

    // The cheap check runs every cycle; a full parse and a real scrape, which cost far more, every so often.
    private const int ParseEvery = 100;
    private const int ScrapeEvery = 1_000;
    private const int SteadyScrapes = 20;

    // The runtime keeps caches per thread-pool thread (ArrayPool's per-thread buffers, OpenTelemetry's and the immutable
    // collections' thread-static storage). Left free, the pool went from 10 to 15 threads over the run and the
    // small-object heap grew by up to 25 % with them, a thread's caches filling over thousands of cycles; with the pool
    // held at four workers it stayed within 0.5 %. Four, fixed, leave only what the jobs leave.
    private const int Workers = 4;

    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Discovery_MillionDistinctJobsThroughHundredSlots_SeriesFollowTheStoreAndHeapStaysFlat()
    {
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        Assert.True(ThreadPool.SetMinThreads(Workers, minIo) && ThreadPool.SetMaxThreads(Workers, maxIo), "could not fix the thread pool's size");
        try
        {
            await ChurnAsync();
        }
        finally
        {
            ThreadPool.SetMaxThreads(maxWorkers, maxIo);
            ThreadPool.SetMinThreads(minWorkers, minIo);
        }
    }

    private async Task ChurnAsync()
    {
        var wall = Stopwatch.StartNew();
        var origin = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(origin);

        var builder = WatcherHost.CreateBuilder([], AppContext.BaseDirectory);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Critical",
            ["Watcher:Aws:Region"] = "us-east-1",
            ["Watcher:PollInterval"] = "1.00:00:00",
            ["Watcher:TerminalJobRetention"] = "00:01:00",
            ["Watcher:MaxWatchedJobs"] = MaxWatchedJobs.ToString(CultureInfo.InvariantCulture),
            ["Watcher:Organizations:0:OrganizationId"] = Org,
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddWatcher();

        // AddWatcher registers the SDK-based clients with AddSingleton, so this later registration is the one resolved.
        // The fake sits behind the real metering, so the OpenTelemetry part of a scrape counts a million jobs' calls.
        builder.Services.AddSingleton(services => new ChurningWorkMail(
            Org, Total, NewPerCycle, Listed, origin, Step,
            inner => new MeteredWorkMailExportJobs(inner, services.GetRequiredService<WatcherMetrics>(), services.GetRequiredService<ApiActivity>(), time)));
        builder.Services.AddSingleton<IWorkMailClients>(services => services.GetRequiredService<ChurningWorkMail>());

        await using var app = builder.Build();
        app.MapWatcherEndpoints();
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
            var workMail = app.Services.GetRequiredService<ChurningWorkMail>();
            var store = app.Services.GetRequiredService<ExportJobStore>();
            var organizations = app.Services.GetRequiredService<OrganizationStore>();
            var writer = app.Services.GetRequiredService<JobSeriesWriter>();
            var poller = app.Services.GetRequiredService<OrganizationPoller>();
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

            // Quartz lists the organization once at start, which is cycle 0; after that the test polls it itself, one
            // cycle per step of the clock, so Quartz's trigger is paused and no two polls of the organization overlap.
            await WaitUntilAsync(() => Task.FromResult(organizations.TryGet(Org, out var o) && o.PollAttempted), "the first listing of the organization");
            await scheduler.PauseJob(PollSchedule.JobKeyFor(Org));
            await WaitUntilAsync(async () => (await scheduler.QueryFireInstances(new FireInstanceQuery())).Items.Count == 0, "Quartz's first poll to finish");

            var seen = new BitArray(Total);
            var expected = new Dictionary<int, int>(4 * MaxWatchedJobs);
            using var rendered = new MemoryStream(256 << 10);
            var scraped = new byte[1 << 20];
            var distinct = Watched(store.Current, seen);
            await CheckSeriesAsync(writer, rendered, store.Current, time.GetUtcNow(), expected, cycle: 0);

            ManagedHeap warmUpHeap = default;
            var warmUpDistinct = 0;
            var warmUpWall = TimeSpan.Zero;
            long pollTicks = 0;
            long checkTicks = 0;
            var scrapes = 0;
            var cyclesBelowLimit = 0;
            var lastCycle = workMail.LastCycle;
            for (var cycle = 1; cycle <= lastCycle; cycle++)
            {
                time.Advance(Step);
                workMail.Cycle = cycle;
                var polled = Stopwatch.GetTimestamp();
                await poller.PollAsync(Org, CancellationToken.None);
                var checkedAt = Stopwatch.GetTimestamp();
                pollTicks += checkedAt - polled;

                var jobs = store.Current;
                if (jobs.Count > MaxWatchedJobs)
                {
                    Assert.Fail($"cycle {cycle}: {jobs.Count} jobs watched, over the limit of {MaxWatchedJobs}");
                }

                // Below the limit after a cycle that admitted 45 into 100 slots: retention dropped some, eviction made room for the rest.
                cyclesBelowLimit += jobs.Count < MaxWatchedJobs ? 1 : 0;
                distinct += Watched(jobs, seen);
                await CheckSeriesAsync(writer, rendered, jobs, time.GetUtcNow(), expected, cycle);
                if (writer.CachedJobs > jobs.Count)
                {
                    Assert.Fail($"cycle {cycle}: the writer keeps {writer.CachedJobs} label sets for {jobs.Count} watched jobs");
                }

                if (cycle % ParseEvery == 0)
                {
                    AssertSeriesOf(PrometheusText.Parse(Encoding.UTF8.GetString(rendered.GetBuffer(), 0, (int)rendered.Length)), jobs, $"cycle {cycle}, in memory");
                }

                if (cycle % ScrapeEvery == 0 || cycle == lastCycle)
                {
                    await CheckScrapeAsync(client, scraped, jobs, cycle);
                    scrapes++;
                }

                checkTicks += Stopwatch.GetTimestamp() - checkedAt;

                if (warmUpHeap.Total == 0 && distinct >= WarmUpJobs)
                {
                    warmUpHeap = await SteadyHeapAsync(client, scraped);
                    warmUpDistinct = distinct;
                    warmUpWall = wall.Elapsed;
                    output.WriteLine($"warm-up: {distinct:N0} jobs after {cycle:N0} cycles, {wall.Elapsed.TotalSeconds:F1} s; heap {warmUpHeap}");
                }

                if (cycle % 4_000 == 0)
                {
                    output.WriteLine($"cycle {cycle:N0}: {distinct:N0} jobs watched so far, {jobs.Count} now, {wall.Elapsed.TotalSeconds:F1} s");
                }
            }

            var endHeap = await SteadyHeapAsync(client, scraped);
            var churnWall = wall.Elapsed - warmUpWall;
            var rate = (distinct - warmUpDistinct) / churnWall.TotalSeconds;
            output.WriteLine($"{distinct:N0} distinct jobs in {lastCycle:N0} cycles, {wall.Elapsed.TotalSeconds:F1} s in all; after warm-up {rate:N0} jobs/s");
            output.WriteLine($"per cycle: poll {Stopwatch.GetElapsedTime(0, pollTicks).TotalMicroseconds / lastCycle:F0} µs, checks {Stopwatch.GetElapsedTime(0, checkTicks).TotalMicroseconds / lastCycle:F0} µs; {scrapes} scrapes over HTTP");
            output.WriteLine($"WorkMail calls: {workMail.ListCalls:N0} listings, {workMail.DescribeCalls:N0} describes; {cyclesBelowLimit:N0} cycles ended below the limit");
            output.WriteLine($"heap after a full GC: at {warmUpDistinct:N0} jobs {warmUpHeap}; at {distinct:N0} jobs {endHeap}; {ThreadPool.ThreadCount} pool threads");
            output.WriteLine($"  total {Percent(warmUpHeap.Total, endHeap.Total)}, small-object heap {Percent(warmUpHeap.Small, endHeap.Small)}, large-object heap {Percent(warmUpHeap.Large, endHeap.Large)}");

            Assert.Equal(Total, distinct);
            Assert.Equal(0, organizations.Current[Org].SkippedJobs);
            Assert.True(cyclesBelowLimit > lastCycle / 2, $"retention dropped jobs in only {cyclesBelowLimit} of {lastCycle} cycles");
            // A leak shows as growth. The heap may shrink: ArrayPool trims buckets it has not lent for a while, so
            // the large-object heap at warm-up can hold a scrape buffer that is gone by the end (seen: -27 %).
            Assert.True(
                endHeap.Total <= warmUpHeap.Total * 1.10,
                $"The managed heap after a full GC grew from {warmUpHeap.Total:N0} B at {warmUpDistinct:N0} jobs to {endHeap.Total:N0} B at {distinct:N0}: more than 10 %.");

            // Every per-job object (snapshots, keys, strings, encoded label sets) lives on the small-object heap, a third
            // of the whole: held to the same 10 % on its own, it would show a leak of a third of a byte per job.
            Assert.True(
                endHeap.Small <= warmUpHeap.Small * 1.10,
                $"The small-object heap after a full GC grew from {warmUpHeap.Small:N0} B at {warmUpDistinct:N0} jobs to {endHeap.Small:N0} B at {distinct:N0}: more than 10 %.");
            Assert.True(wall.Elapsed < TimeSpan.FromMinutes(5), $"took {wall.Elapsed}");
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>Marks the watched jobs as seen; returns how many were not seen before.</summary>
    private static int Watched(ImmutableDictionary<WatchedJobKey, ExportJobSnapshot> jobs, BitArray seen)
    {
        var added = 0;
        foreach (var key in jobs.Keys)
        {
            var index = ChurningWorkMail.IndexOf(key.JobId);
            if (!seen[index])
            {
                seen[index] = true;
                added++;
            }
        }

        return added;
    }

    /// <summary>Renders the per-job families as a scrape would, then checks them line by line without parsing.</summary>
    private static async Task CheckSeriesAsync(
        JobSeriesWriter writer, MemoryStream rendered, ImmutableDictionary<WatchedJobKey, ExportJobSnapshot> jobs, DateTimeOffset now, Dictionary<int, int> expected, int cycle)
    {
        rendered.SetLength(0);
        var pipe = PipeWriter.Create(rendered, new StreamPipeWriterOptions(leaveOpen: true));
        await writer.WriteAsync(pipe, openMetrics: false, CancellationToken.None);
        await pipe.CompleteAsync();
        CountSeries(rendered.GetBuffer().AsSpan(0, (int)rendered.Length), jobs, now, expected, cycle);
    }

    /// <summary>
    /// Every watched job has exactly the samples the contract (<see cref="JobSeries.Families"/>) gives its snapshot,
    /// and no other job has any. Allocates nothing unless it fails.
    /// </summary>
    private static void CountSeries(ReadOnlySpan<byte> text, ImmutableDictionary<WatchedJobKey, ExportJobSnapshot> jobs, DateTimeOffset now, Dictionary<int, int> expected, int cycle)
    {
        if (text.IndexOf("otel_metric_overflow"u8) >= 0)
        {
            Assert.Fail($"cycle {cycle}: an overflow series in the per-job families");
        }

        expected.Clear();
        foreach (var job in jobs.Values)
        {
            // Every job here was listed, so it has its state, info, progress and times: at least ten samples.
            var samples = SamplesOf(job, now);
            if (samples < 10)
            {
                Assert.Fail($"cycle {cycle}: job {job.Key} should have at least ten samples, has {samples}: {job}");
            }

            expected[ChurningWorkMail.IndexOf(job.Key.JobId)] = samples;
        }

        while (!text.IsEmpty)
        {
            var end = text.IndexOf((byte)'\n');
            if (end < 0)
            {
                Assert.Fail($"cycle {cycle}: the output ends in the middle of a line");
            }

            var line = text[..end];
            text = text[(end + 1)..];
            if (line.IsEmpty || line[0] == (byte)'#')
            {
                continue;
            }

            var at = line.IndexOf("job_id=\""u8);
            var value = at < 0 ? default : line[(at + 8)..];
            var close = value.IndexOf((byte)'"');
            var index = close < 0 ? -1 : ChurningWorkMail.IndexOf(value[..close]);
            ref var left = ref CollectionsMarshal.GetValueRefOrNullRef(expected, index);
            if (Unsafe.IsNullRef(ref left))
            {
                Assert.Fail($"cycle {cycle}: a sample of a job that is not watched: {Encoding.UTF8.GetString(line)}");
            }

            if (--left < 0)
            {
                Assert.Fail($"cycle {cycle}: more samples than its snapshot gives for job {index}, e.g. {Encoding.UTF8.GetString(line)}");
            }
        }

        foreach (var (index, left) in expected)
        {
            if (left != 0)
            {
                Assert.Fail($"cycle {cycle}: job {ChurningWorkMail.JobId(index)} is watched but misses {left} of its samples");
            }
        }
    }

    private static int SamplesOf(ExportJobSnapshot job, DateTimeOffset now)
    {
        var samples = 0;
        foreach (var family in JobSeries.Families)
        {
            for (var variant = 0; variant < family.VariantCount; variant++)
            {
                samples += family.Value(job, now, variant) is null ? 0 : 1;
            }
        }

        return samples;
    }

    /// <summary>The per-job part of a parsed scrape: one version of every watched job, and nothing else.</summary>
    private static void AssertSeriesOf(PrometheusText scrape, ImmutableDictionary<WatchedJobKey, ExportJobSnapshot> jobs, string where)
    {
        var perJob = JobSeries.Families.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var samples = scrape.Samples.Where(s => perJob.Contains(s.Name)).ToList();
        Assert.All(samples, s => Assert.True(s["job_id"] is not null && s["organization_id"] == Org, $"{where}: {s}"));

        var series = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            var identity = sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}";
            Assert.True(series.Add(identity), $"{where}: {identity} appears twice");
        }

        var byJob = samples.GroupBy(s => s["job_id"]!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Assert.Equal(jobs.Keys.Select(k => k.JobId).Order(StringComparer.Ordinal), byJob.Keys.Order(StringComparer.Ordinal));
        foreach (var job in jobs.Values)
        {
            var mine = byJob[job.Key.JobId];
            var details = job.Details!;
            var state = mine.Where(s => s.Name == "workmail_export_job_state").ToList();
            Assert.Equal(4, state.Count);
            Assert.Equal(1, state.Sum(s => s.Value));
            Assert.Equal(details.State.ToString().ToUpperInvariant(), state.Single(s => s.Value == 1)["state"]);
            Assert.Equal(details.EstimatedProgress / 100.0, mine.Single(s => s.Name == "workmail_export_job_progress_ratio").Value, 6);
            Assert.Equal("export " + job.Key.JobId, mine.Single(s => s.Name == "workmail_export_job_info")["description"]);
            Assert.Equal(details.ErrorInfo is null ? 0 : 1, mine.Count(s => s.Name == "workmail_export_job_failure_info"));
        }
    }

    /// <summary>A real scrape: the per-job part as in memory, the exporter's part without overflow.</summary>
    private static async Task CheckScrapeAsync(HttpClient client, byte[] buffer, ImmutableDictionary<WatchedJobKey, ExportJobSnapshot> jobs, int cycle)
    {
        var text = Encoding.UTF8.GetString(buffer, 0, await ScrapeAsync(client, buffer));
        Assert.DoesNotContain("otel_metric_overflow", text, StringComparison.Ordinal);
        var scrape = PrometheusText.Parse(text);
        AssertSeriesOf(scrape, jobs, $"cycle {cycle}, over HTTP");
        Assert.Equal(jobs.Count, scrape.Named("watcher_watched_jobs").Single().Value);
        Assert.Contains(scrape.Named("workmail_api_requests_total"), s => s["operation"] == "ListMailboxExportJobs" && s.Value >= cycle);
    }

    /// <summary>
    /// Scrapes /metrics into <paramref name="buffer"/> and returns the length. Reading into a buffer of the test's own
    /// keeps HttpClient's pooled buffers, which grow with every thread that reads a response, out of the heap measured.
    /// </summary>
    private static async Task<int> ScrapeAsync(HttpClient client, byte[] buffer)
    {
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(length))) > 0)
        {
            length += read;
        }

        Assert.True(length < buffer.Length, "the scrape filled the whole buffer");
        return length;
    }

    /// <summary>
    /// The heap after a full GC, once the scrape path's pooled buffers are at their working size: ArrayPool keeps
    /// one per size for every thread that returned one, so a few scrapes are not enough to reach it.
    /// </summary>
    private static async Task<ManagedHeap> SteadyHeapAsync(HttpClient client, byte[] buffer)
    {
        for (var i = 0; i < SteadyScrapes; i++)
        {
            await ScrapeAsync(client, buffer);
        }

        return ManagedHeap.AfterFullGc();
    }

    private static string Percent(long before, long after)
    {
        var change = 100.0 * (after - before) / before;
        return string.Create(CultureInfo.InvariantCulture, $"{(change >= 0 ? "+" : string.Empty)}{change:F1} %");
    }

    private static Task WaitUntilAsync(Func<Task<bool>> condition, string what) =>
        Wait.UntilAsync(condition, TimeSpan.FromSeconds(30), () => what, every: TimeSpan.FromMilliseconds(10));
}
