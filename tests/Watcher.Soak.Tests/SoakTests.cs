using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Watcher.Jobs;
using Watcher.Simulator;
using Watcher.Testing.Prometheus;
using Watcher.Web;
using Watcher.WorkMail;
using Watcher.WorkMail.Model;
using Xunit.Abstractions;

namespace Watcher.Soak.Tests;

/// <summary>
/// A month of simulated time: the real app, its real Quartz scheduler and the real simulator share one
/// <see cref="FakeTimeProvider"/>; three organizations are watched by discovery while jobs start and end all the
/// time, with throttling and 5xx bursts on some days. At the end nothing may have grown that should not have.
/// It has a test project of its own, so that the process it measures runs nothing else.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    private const string OrgA = "m-000000000000000000000000000000a1";
    private const string OrgB = "m-000000000000000000000000000000b2";
    private const string OrgC = "m-000000000000000000000000000000c3";
    private const string Lone = "m-000000000000000000000000000000d4";
    private const string LoneJob = "lone-forever";
    private const int Days = 30;

    // Before the measured month: the thread pool and ArrayPool<byte>.Shared reach their working set over the first
    // simulated days (observed: up to 5 MB of pooled 64 KB-1 MB buffers kept per thread), which is not growth.
    private const int WarmUpDays = 5;
    private const int MaxWatchedJobs = 400;
    private static readonly string[] Discovered = [OrgA, OrgB, OrgC];
    private static readonly TimeSpan SpawnEvery = TimeSpan.FromHours(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromHours(1);

    [Fact]
    public async Task Soak_ThirtySimulatedDaysOfChurnAndFaults_LeavesNoOverflowLeakOrGrowth()
    {
        var wall = Stopwatch.StartNew();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions(), time);

        // Eight days of history, so the 7-day listing window is full from the first hour on.
        var seeded = 0;
        foreach (var (organizationId, index) in Discovered.Select((o, i) => (o, i)))
        {
            simulator.Store.AddOrganization(organizationId, $"org-{index}");
            var history = Enumerable.Range(1, 8 * 12).Select(i => new SimulatedJob
            {
                StartOffset = -TimeSpan.FromHours(2 * i) + TimeSpan.FromMinutes(17 * index),
                Duration = TimeSpan.FromMinutes(3 + (i % 6)),
                Outcome = i % 7 == 0 ? SimulatedOutcome.Fail : i % 11 == 0 ? SimulatedOutcome.Cancel : SimulatedOutcome.Complete,
                OutcomeAtProgress = i % 7 == 0 || i % 11 == 0 ? 40 : 100,
            }).ToList();
            seeded += simulator.Store.AddJobs(organizationId, history).Count;

            // A small directory: the spawned exports pick their mailboxes from it, so every mailbox has been exported
            // by the end of the warm-up and coverage holds as much on day 30 as on day 1.
            simulator.Store.AddUsers(organizationId, Enumerable.Range(0, 20).Select(i => new SimulatedUser { Name = $"user{i}", Email = $"user{i}@org-{index}.example.com" }));
        }

        simulator.Store.AddOrganization(Lone, "lone");
        simulator.Store.AddJob(Lone, new SimulatedJob { JobId = LoneJob, Duration = TimeSpan.FromDays(400), Outcome = SimulatedOutcome.RunForever });

        var spawners = Discovered.Select((o, i) => JobSpawner.Start(simulator.Store, o, SpawnEvery, seed: 100 + i)).ToList();
        try
        {
            var builder = WatcherHost.CreateBuilder([], AppContext.BaseDirectory);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Critical",
                ["Watcher:Aws:Region"] = simulator.Region,
                ["Watcher:Aws:ServiceUrl"] = simulator.ServiceUrl.ToString(),
                ["Watcher:Aws:MaxAttempts"] = "1",
                ["Watcher:PollInterval"] = "01:00:00",
                ["Watcher:TerminalJobRetention"] = "1.00:00:00",
                ["Watcher:MaxWatchedJobs"] = MaxWatchedJobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Watcher:Organizations:0:OrganizationId"] = OrgA,
                ["Watcher:Organizations:1:OrganizationId"] = OrgB,
                ["Watcher:Organizations:2:OrganizationId"] = OrgC,
                ["Watcher:Jobs:0:OrganizationId"] = Lone,
                ["Watcher:Jobs:0:JobId"] = LoneJob,
            });
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Services.AddSingleton(new WorkMailStaticCredentials(simulator.Credentials.AccessKeyId, simulator.Credentials.SecretAccessKey));
            builder.AddWatcher();
            await using var app = builder.Build();
            app.MapWatcherEndpoints();
            await app.StartAsync();
            try
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
                using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
                var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
                var store = app.Services.GetRequiredService<ExportJobStore>();

                await WaitForIdleAsync(scheduler, time);
                var start = time.GetUtcNow() + TimeSpan.FromDays(WarmUpDays);
                var warmUpStart = time.GetUtcNow();
                HeapSize day1Memory = default;
                var lastReportedDay = 0;
                long plateauMemory = 0;
                long plateauSmall = 0;
                var day1Timers = 0L;
                var day1FakeTimers = 0;
                var steps = 0;
                while (time.GetUtcNow() - start < TimeSpan.FromDays(Days))
                {
                    var hour = (int)((time.GetUtcNow() - warmUpStart).TotalHours);
                    simulator.Faults.ThrottleRatio = hour / 24 is 9 or 17 ? 0.3 : 0;
                    simulator.Faults.ServerErrorRatio = hour / 24 is 13 or 22 && hour % 24 < 12 ? 0.25 : 0;

                    // To the next trigger's fire time exactly: a bigger jump would make Quartz count it as misfired.
                    var next = await NextFireTimeAsync(scheduler);
                    var now = time.GetUtcNow();
                    time.Advance(next > now ? next - now : TimeSpan.FromSeconds(1));
                    await WaitForIdleAsync(scheduler, time);
                    // The simulator stands in for AWS, which keeps no unbounded history in this process: its request
                    // log and jobs nobody can list any more would otherwise be what grows, not Watcher.
                    simulator.Requests.Clear();
                    simulator.Store.ForgetJobsStartedBefore(TimeSpan.FromDays(8));
                    steps++;

                    if (day1Memory.Total == 0 && time.GetUtcNow() - start >= TimeSpan.FromDays(1))
                    {
                        day1Memory = await SteadyMemoryAsync(client);
                        day1Timers = Timer.ActiveCount;
                        day1FakeTimers = FakeTimerCount(time);
                    }

                    var day = (int)(time.GetUtcNow() - start).TotalDays;
                    if (day > lastReportedDay && day % 5 == 0)
                    {
                        lastReportedDay = day;
                        await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
                        var memory = ManagedMemoryAfterFullGc();
                        if (day < Days)
                        {
                            plateauMemory = Math.Max(plateauMemory, memory.Total);
                            plateauSmall = Math.Max(plateauSmall, memory.Small);
                        }

                        output.WriteLine($"day {day}: managed memory after full GC {memory.Total:N0} B ({memory.Small:N0} B small-object heap), {store.Current.Count} jobs watched");
                    }
                }

                // Measured like the days before, ahead of the scrape this test parses and keeps below.
                simulator.Faults.Reset();
                await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
                var endSawtoothMemory = ManagedMemoryAfterFullGc();
                var endMemory = await SteadyMemoryAsync(client);
                var scrapeText = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
                var scrape = PrometheusText.Parse(scrapeText);
                var endTimers = Timer.ActiveCount;
                var endFakeTimers = FakeTimerCount(time);
                var churned = seeded + spawners.Sum(s => s.JobIds.Count);
                var jobs = store.Current.Values.ToList();
                var jobKeys = (await scheduler.QueryJobs(new JobQuery())).Items.Select(j => j.Key).ToList();
                var triggerKeys = (await scheduler.QueryTriggers(new TriggerQuery())).Items.Select(t => t.Key).ToList();

                output.WriteLine($"simulated days {Days}, steps {steps}, jobs churned {churned} (seeded {seeded}, spawned {churned - seeded}), watched at end {jobs.Count}");
                output.WriteLine($"managed memory after full GC: day 1 {day1Memory}; day 30 {endMemory}");
                output.WriteLine($"  small-object heap {100.0 * (endMemory.Small - day1Memory.Small) / day1Memory.Small:+0.0;-0.0} %, large-object heap {100.0 * (endMemory.Large - day1Memory.Large) / day1Memory.Large:+0.0;-0.0} %, total {100.0 * (endMemory.Total - day1Memory.Total) / day1Memory.Total:+0.0;-0.0} %");
                output.WriteLine($"Timer.ActiveCount day 1 {day1Timers}, end {endTimers}; FakeTimeProvider timers day 1 {day1FakeTimers}, end {endFakeTimers}; Quartz jobs {jobKeys.Count}, triggers {triggerKeys.Count}; wall {wall.Elapsed}");

                // Churn really happened.
                Assert.True(churned >= 1000, $"only {churned} jobs came and went");

                // No overflow series, ever.
                Assert.DoesNotContain("otel_metric_overflow", scrapeText, StringComparison.Ordinal);

                // Exactly the per-job series the current jobs need.
                var withDetails = jobs.Where(j => j.Details is not null).ToList();
                Assert.Equal(jobs.Count, scrape.Named("watcher_watched_jobs").Single().Value);
                Assert.Equal(4 * withDetails.Count, scrape.Named("workmail_export_job_state").Count());
                Assert.Equal(withDetails.Count, scrape.Named("workmail_export_job_info").Count());
                Assert.Equal(withDetails.Count, scrape.Named("workmail_export_job_progress_ratio").Count());
                Assert.Equal(withDetails.Count, scrape.Named("workmail_export_job_start_timestamp_seconds").Count());
                Assert.Equal(withDetails.Count, scrape.Named("workmail_export_job_duration_seconds").Count());
                Assert.Equal(withDetails.Count(j => j.Details!.State != ExportJobState.Running && j.Details.EndTime is not null), scrape.Named("workmail_export_job_end_timestamp_seconds").Count());
                Assert.Equal(withDetails.Count(j => j.Details!.State == ExportJobState.Failed), scrape.Named("workmail_export_job_failure_info").Count());
                Assert.Equal(jobs.Count(j => j.PollAttempted), scrape.Named("workmail_export_job_poll_success").Count());
                Assert.Equal(jobs.Count(j => j.LastPollSuccessAt is not null), scrape.Named("workmail_export_job_last_poll_success_timestamp_seconds").Count());
                Assert.Equal(jobs.Count(j => j.ProgressChangedAt is not null), scrape.Named("workmail_export_job_progress_change_timestamp_seconds").Count());
                Assert.Equal(
                    jobs.Select(j => (j.Key.OrganizationId, j.Key.JobId)).Order(),
                    scrape.Named("workmail_export_job_poll_success").Select(s => (s["organization_id"]!, s["job_id"]!)).Order());
                Assert.InRange(jobs.Count, 3 * 7 * 12, MaxWatchedJobs);

                // No leaked Quartz jobs or triggers: a listing and a coverage scan per organization, and one for the
                // explicit running job.
                var expectedKeys = Discovered.Select(o => Watcher.Scheduling.PollSchedule.JobKeyFor(o))
                    .Concat(Discovered.Select(Watcher.Scheduling.PollSchedule.CoverageKeyFor))
                    .Append(Watcher.Scheduling.PollSchedule.JobKeyFor(new WatchedJobKey(Lone, LoneJob)))
                    .Select(k => k.ToString()).Order();
                Assert.Equal(expectedKeys, jobKeys.Select(k => k.ToString()).Order());
                Assert.Equal(jobKeys.Count, triggerKeys.Count);

                // Memory did not grow with the churn. Per-job series are written from the snapshot, so a job that has
                // gone leaves nothing behind: what is left is what the current jobs need. Every per-job object
                // (snapshots, strings, dictionary nodes, encoded label sets, Quartz's jobs and triggers) lives on the
                // small-object heap: that is what must not grow by more than 10 %. The large-object heap holds buffers sized
                // by powers of two: OpenTelemetry's preallocated points, the exporter's response buffer (which
                // doubles as the fault days add error series) and ArrayPool buckets kept per thread; bounded below.
                Assert.True(
                    endMemory.Small <= day1Memory.Small * 1.10,
                    $"The small-object heap after a full GC grew from {day1Memory.Small:N0} B on day 1 to {endMemory.Small:N0} B on day 30: more than 10 %.");
                // At most every such buffer doubled once (observed up to 1.3x).
                Assert.True(endMemory.Large <= day1Memory.Large * 2, $"The large-object heap grew from {day1Memory.Large:N0} B on day 1 to {endMemory.Large:N0} B on day 30.");
                Assert.True(plateauMemory <= day1Memory.Total * 1.5, $"Between measurements memory peaked at {plateauMemory:N0} B, over 1.5x day 1's {day1Memory.Total:N0} B.");
                // The per-job sawtooth is on the small-object heap; the large one moves by whole pooled buffers (a thread
                // that rents one for the first time keeps it), which the bounds above already hold.
                Assert.True(endSawtoothMemory.Small <= plateauSmall * 1.1, $"Before the last measurement the small-object heap was {endSawtoothMemory.Small:N0} B, above the peaks of days 5 to 25, {plateauSmall:N0} B.");
                Assert.True(endTimers <= day1Timers + 8, $"Timer.ActiveCount grew from {day1Timers} to {endTimers}");
                if (day1FakeTimers >= 0)
                {
                    Assert.True(endFakeTimers <= day1FakeTimers + 4, $"FakeTimeProvider timers grew from {day1FakeTimers} to {endFakeTimers}");
                }

                Assert.True(wall.Elapsed < TimeSpan.FromMinutes(4), $"took {wall.Elapsed}");
            }
            finally
            {
                await app.StopAsync();
            }
        }
        finally
        {
            spawners.ForEach(s => s.Dispose());
        }
    }

    /// <summary>Memory after a full GC, with the exporter's buffers at their working size.</summary>
    private static async Task<HeapSize> SteadyMemoryAsync(HttpClient client)
    {
        // Scrapes grow the exporter's serialization buffers to the size of the output, over the first two.
        for (var i = 0; i < 3; i++)
        {
            await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }

        return ManagedMemoryAfterFullGc();
    }

    private static HeapSize ManagedMemoryAfterFullGc()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var generations = GC.GetGCMemoryInfo(GCKind.FullBlocking).GenerationInfo.ToArray();
        long Live(int generation) => generations[generation].SizeAfterBytes - generations[generation].FragmentationAfterBytes;
        return new HeapSize(GC.GetTotalMemory(forceFullCollection: false), Live(0) + Live(1) + Live(2), Live(3));
    }

    /// <summary>Managed memory after a full collection: in all, on the small-object heap (generations 0 to 2) and on
    /// the large-object heap.</summary>
    private readonly record struct HeapSize(long Total, long Small, long Large)
    {
        public override string ToString() =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Total:N0} B ({Small:N0} B small-object heap, {Large:N0} B large-object heap)");
    }

    /// <summary>Timers (and delays) pending on the fake clock; -1 when FakeTimeProvider's internals cannot be read.</summary>
    private static int FakeTimerCount(FakeTimeProvider time)
    {
        foreach (var field in typeof(FakeTimeProvider).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public))
        {
            if (field.GetValue(time) is System.Collections.ICollection collection && field.Name.Contains("aiter", StringComparison.OrdinalIgnoreCase))
            {
                lock (time)
                {
                    return collection.Count;
                }
            }
        }

        return -1;
    }

    private static async Task<DateTimeOffset> NextFireTimeAsync(IScheduler scheduler)
    {
        var next = DateTimeOffset.MaxValue;
        foreach (var trigger in (await scheduler.QueryTriggers(new TriggerQuery())).Items)
        {
            if (trigger.NextFireTimeUtc is { } fire && fire < next)
            {
                next = fire;
            }
        }

        Assert.NotEqual(DateTimeOffset.MaxValue, next);
        return next;
    }

    /// <summary>Waits until no trigger is due and no job runs, twice in a row, nudging the clock while polls wait on it.</summary>
    private static async Task WaitForIdleAsync(IScheduler scheduler, FakeTimeProvider time)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var quiet = 0;
        var busy = 0;
        while (quiet < 2)
        {
            if (DateTime.UtcNow > deadline)
            {
                var triggers = (await scheduler.QueryTriggers(new TriggerQuery())).Items.Select(t => $"{t.Key} next {t.NextFireTimeUtc:O} state {t.State}");
                Assert.Fail($"Polls did not finish at {time.GetUtcNow():O}: {string.Join("; ", triggers)}");
            }

            var due = await NextFireTimeAsync(scheduler) <= time.GetUtcNow();
            var running = (await scheduler.QueryFireInstances(new FireInstanceQuery())).Items.Count > 0;
            quiet = due || running ? 0 : quiet + 1;
            await Task.Delay(quiet == 0 ? 2 : 5);
            if (running && ++busy % 5 == 0)
            {
                // A poll in flight may wait on the fake clock (the per-region request budget): let time pass,
                // in steps far below Quartz's one-minute misfire threshold.
                time.Advance(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
