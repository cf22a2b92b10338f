using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Watcher.Configuration;
using Watcher.Jobs;
using Watcher.Metrics.Exposition;
using Watcher.Testing.Prometheus;
using Watcher.Tests.Support;
using Watcher.WorkMail.Model;
using Xunit.Abstractions;

namespace Watcher.Tests.Metrics.Exposition;

/// <summary>
/// Scrapes while polls land: the writer reads one snapshot of the store, takes no lock, and must show every job at
/// exactly one version. Each version of a job is recognisable in every one of its series: the last poll's timestamp
/// is the version, and state, progress, description and error info are functions of it.
/// </summary>
public sealed class JobSeriesWriterConcurrencyTests(ITestOutputHelper output)
{
    private const int Jobs = 400;
    private const int ScrapesEach = 40;
    private static readonly string[] States = ["RUNNING", "COMPLETED", "FAILED", "CANCELLED"];
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(TestJobs.Start.AddHours(1));
    private readonly ExportJobStore _store = new();

    [Fact]
    public async Task Write_TwoScrapersWhileHundredsOfJobsChangeAndComeAndGo_EveryScrapeHasOneWholeVersionOfEachJob()
    {
        var writer = CreateWriter();
        var versions = new int[Jobs];
        for (var i = 0; i < Jobs; i++)
        {
            _store.TryAdd(Snapshot(i, versions[i]));
        }

        // Before any update: how long a scrape of these jobs takes on this machine, now (the first ones encode the labels).
        var timings = new List<TimeSpan>();
        for (var i = 0; i < 12; i++)
        {
            timings.Add((await RenderTimedAsync(writer)).Elapsed);
        }

        var baseline = timings.Skip(3).Order().ElementAt(4);

        using var stop = new CancellationTokenSource();
        var updates = 0L;
        var unwatched = 0L;
        var updater = Task.Run(() =>
        {
            var random = new Random(7);
            while (!stop.IsCancellationRequested)
            {
                var i = random.Next(Jobs);
                var key = Key(i);
                var version = ++versions[i];
                if (version % 50 == 0)
                {
                    // Gone for a moment, then back with a whole snapshot at once, as a poll adds a discovered job.
                    _store.Unwatch(key);
                    Interlocked.Increment(ref unwatched);
                    Thread.Yield();
                    _store.TryAdd(Snapshot(i, version));
                }
                else
                {
                    _store.TryUpdate(key, j => j.WithSuccess(Details(i, version), PolledAt(version)), out _, out _);
                }

                Interlocked.Increment(ref updates);
            }
        });

        TimeSpan slowest = default;
        var seenVersions = new HashSet<(string, int)>();
        var scrapers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var mine = new List<(TimeSpan Elapsed, Dictionary<string, int> Versions)>();
            for (var n = 0; n < ScrapesEach; n++)
            {
                var (text, elapsed) = await RenderTimedAsync(writer);
                mine.Add((elapsed, AssertWholeVersions(text)));
            }

            return mine;
        })).ToList();

        var results = await Task.WhenAll(scrapers).WaitAsync(Timeout);
        var updatesWhileScraping = Interlocked.Read(ref updates);
        await stop.CancelAsync();
        await updater.WaitAsync(Timeout);

        foreach (var (elapsed, jobVersions) in results.SelectMany(r => r))
        {
            slowest = elapsed > slowest ? elapsed : slowest;
            foreach (var (jobId, version) in jobVersions)
            {
                seenVersions.Add((jobId, version));
            }
        }

        output.WriteLine($"scrape of {Jobs} jobs: {baseline.TotalMilliseconds:F2} ms before, slowest of {2 * ScrapesEach} while updating {slowest.TotalMilliseconds:F2} ms; {updatesWhileScraping:N0} updates ({Interlocked.Read(ref unwatched):N0} unwatch and re-add) while scraping; {seenVersions.Count:N0} distinct job versions seen");

        // The updates did land while the scrapes ran, so the scrapes really saw jobs change under them.
        Assert.True(updatesWhileScraping >= 1000, $"only {updatesWhileScraping} updates landed while scraping");
        Assert.True(seenVersions.Count > 2 * Jobs, $"the scrapes saw only {seenVersions.Count} versions of {Jobs} jobs");

        // No scrape waited on the updater: a generous bound, for two cores shared by two scrapers and the updater.
        var bound = TimeSpan.FromTicks(Math.Max(20 * baseline.Ticks, TimeSpan.FromSeconds(1).Ticks));
        Assert.True(slowest <= bound, $"the slowest scrape took {slowest.TotalMilliseconds:F1} ms, over {bound.TotalMilliseconds:F0} ms (baseline {baseline.TotalMilliseconds:F2} ms)");
    }

    [Fact]
    public async Task Write_WhileAnUpdateIsBlockedInsideTryUpdate_CompletesWithTheVersionBefore()
    {
        var writer = CreateWriter();
        for (var i = 0; i < Jobs; i++)
        {
            _store.TryAdd(Snapshot(i, version: 1));
        }

        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocked = Task.Run(() => _store.TryUpdate(
            Key(0),
            j =>
            {
                // A poll mid-flight: it has read the job and holds its new snapshot back until released.
                entered.Set();
                release.Wait(Timeout);
                return j.WithSuccess(Details(0, 2), PolledAt(2));
            },
            out _,
            out _));
        Assert.True(entered.Wait(Timeout), "the update never started");

        // A scrape, and another poll landing, neither waiting for the blocked one.
        var during = AssertWholeVersions(await JobSeriesOutput.RenderAsync(writer).WaitAsync(Timeout));
        Assert.True(_store.TryUpdate(Key(1), j => j.WithSuccess(Details(1, 2), PolledAt(2)), out _, out _));
        var alongside = AssertWholeVersions(await JobSeriesOutput.RenderAsync(writer).WaitAsync(Timeout));
        Assert.False(blocked.IsCompleted);

        release.Set();
        Assert.True(await blocked.WaitAsync(Timeout));
        var after = AssertWholeVersions(await JobSeriesOutput.RenderAsync(writer).WaitAsync(Timeout));

        Assert.Equal(Jobs, during.Count);
        Assert.Equal(1, during[Key(0).JobId]);
        Assert.Equal(1, alongside[Key(0).JobId]);
        Assert.Equal(2, alongside[Key(1).JobId]);
        Assert.Equal(2, after[Key(0).JobId]);
        Assert.Equal(2, after[Key(1).JobId]);
        Assert.All(after.Where(j => j.Key != Key(0).JobId && j.Key != Key(1).JobId), j => Assert.Equal(1, j.Value));
    }

    /// <summary>
    /// Parses a scrape and checks it: no series twice, and every job that appears has all of its series, each from
    /// the same version. Returns each job's version.
    /// </summary>
    private static Dictionary<string, int> AssertWholeVersions(string text)
    {
        var scrape = PrometheusText.Parse(text);
        var identities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in scrape.Samples)
        {
            var identity = sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}";
            Assert.True(identities.Add(identity), $"{identity} appears twice");
        }

        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var job in scrape.Samples.GroupBy(s => s["job_id"]!))
        {
            var series = job.ToList();
            var version = (int)(Single(series, "workmail_export_job_last_poll_success_timestamp_seconds").Value - TestJobs.Start.ToUnixTimeSeconds());
            var expected = Details(int.Parse(job.Key.AsSpan(4), CultureInfo.InvariantCulture), version);
            var why = $"job {job.Key} at version {version}";

            var state = series.Where(s => s.Name == "workmail_export_job_state").ToList();
            Assert.True(state.Count == 4 && state.Sum(s => s.Value) == 1, $"{why}: state series {string.Join(", ", state)}");
            Assert.Equal(States[(int)expected.State], state.Single(s => s.Value == 1)["state"]);
            Assert.Equal(expected.EstimatedProgress / 100.0, Single(series, "workmail_export_job_progress_ratio").Value, 6);
            var info = Single(series, "workmail_export_job_info");
            Assert.True(info["description"] == expected.Description && info["s3_prefix"] == expected.S3Prefix, $"{why}: info {info}");
            Assert.Equal(expected.ErrorInfo, series.SingleOrDefault(s => s.Name == "workmail_export_job_failure_info")?["error_info"]);
            Assert.Equal(expected.EndTime is not null, series.Any(s => s.Name == "workmail_export_job_end_timestamp_seconds"));
            Assert.Equal(1, Single(series, "workmail_export_job_poll_success").Value);
            Assert.Single(series, s => s.Name == "workmail_export_job_start_timestamp_seconds");
            Assert.Single(series, s => s.Name == "workmail_export_job_duration_seconds");
            Assert.Single(series, s => s.Name == "workmail_export_job_progress_change_timestamp_seconds");
            versions.Add(job.Key, version);
        }

        return versions;
    }

    private static PrometheusSample Single(List<PrometheusSample> series, string name)
    {
        var matching = series.Where(s => s.Name == name).ToList();
        Assert.True(matching.Count == 1, $"{matching.Count} samples of {name} for job {series[0]["job_id"]}");
        return matching[0];
    }

    private static async Task<(string Text, TimeSpan Elapsed)> RenderTimedAsync(JobSeriesWriter writer)
    {
        var started = Stopwatch.GetTimestamp();
        var text = await JobSeriesOutput.RenderAsync(writer);
        return (text, Stopwatch.GetElapsedTime(started));
    }

    private static WatchedJobKey Key(int i) => new(TestJobs.Org, $"job-{i:D4}");

    private static ExportJobSnapshot Snapshot(int i, int version) => new ExportJobSnapshot(Key(i)).WithSuccess(Details(i, version), PolledAt(version));

    private static DateTimeOffset PolledAt(int version) => TestJobs.Start.AddSeconds(version);

    /// <summary>
    /// Version <paramref name="version"/> of job <paramref name="i"/>. The description, and with it the info labels,
    /// changes every third version only, so the writer both re-encodes and carries over label sets.
    /// </summary>
    private static ExportJobDetails Details(int i, int version)
    {
        var state = (ExportJobState)(version % 4);
        return TestJobs.Running(Key(i).JobId, version % 101) with
        {
            Description = $"d{version / 3}",
            S3Prefix = $"p{version / 3}",
            State = state,
            EndTime = state == ExportJobState.Running ? null : TestJobs.Start.AddMinutes(1 + (version % 50)),
            ErrorInfo = state == ExportJobState.Failed ? $"e{version}" : null,
        };
    }

    private JobSeriesWriter CreateWriter() => new(_store, _time, Options.Create(new WatcherOptions()));
}
