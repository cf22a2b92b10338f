using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Watcher.Configuration;
using Watcher.Jobs;
using Watcher.Metrics;
using Watcher.Metrics.Exposition;
using Watcher.Testing.Prometheus;
using Watcher.Tests.Support;
using Watcher.WorkMail.Model;

namespace Watcher.Tests.Metrics.Exposition;

public sealed class JobSeriesWriterTests
{
    private static readonly WatchedJobKey Running = new(TestJobs.Org, "running");
    private static readonly WatchedJobKey Failed = new(TestJobs.Org, "failed");

    private readonly FakeTimeProvider _time = new(TestJobs.Start.AddMinutes(10));
    private readonly ExportJobStore _store = new();

    [Fact]
    public async Task Write_RunningJob_WritesStateProgressTimesAndInfo()
    {
        var writer = CreateWriter();
        Record(Running, TestJobs.Running("running", 40), polledAt: TestJobs.Start.AddMinutes(9));

        var scrape = await ScrapeAsync(writer);

        var state = scrape.For("workmail_export_job_state", "running").ToList();
        Assert.Equal(4, state.Count);
        Assert.Equal(1, state.Single(s => s["state"] == "RUNNING").Value);
        Assert.All(state.Where(s => s["state"] != "RUNNING"), s => Assert.Equal(0, s.Value));
        Assert.Equal(0.4, Single(scrape, "workmail_export_job_progress_ratio").Value, 6);
        Assert.Equal(TestJobs.Start.ToUnixTimeSeconds(), Single(scrape, "workmail_export_job_start_timestamp_seconds").Value);
        Assert.Empty(scrape.Named("workmail_export_job_end_timestamp_seconds"));
        Assert.Equal(600, Single(scrape, "workmail_export_job_duration_seconds").Value);
        Assert.Equal(TestJobs.Start.AddMinutes(9).ToUnixTimeSeconds(), Single(scrape, "workmail_export_job_last_poll_success_timestamp_seconds").Value);
        Assert.Equal(1, Single(scrape, "workmail_export_job_poll_success").Value);
        Assert.Empty(scrape.Named("workmail_export_job_failure_info"));

        var info = Single(scrape, "workmail_export_job_info");
        Assert.Equal(1, info.Value);
        Assert.Equal(TestJobs.Org, info["organization_id"]);
        Assert.Equal("entity-running", info["entity_id"]);
        Assert.Equal("export running", info["description"]);
        Assert.Equal("bucket", info["s3_bucket_name"]);
        Assert.Equal("prefix/running", info["s3_prefix"]);
        Assert.Equal("s3://bucket/prefix/running.zip", info["s3_path"]);
        Assert.DoesNotContain(info.Labels.Keys, k => k is "role_arn" or "kms_key_arn");
    }

    [Fact]
    public async Task Write_RunningJob_DurationIsComputedAtScrapeTime()
    {
        var writer = CreateWriter();
        Record(Running, TestJobs.Running("running", 40), polledAt: TestJobs.Start);
        Assert.Equal(600, Single(await ScrapeAsync(writer), "workmail_export_job_duration_seconds").Value);

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(900, Single(await ScrapeAsync(writer), "workmail_export_job_duration_seconds").Value);
    }

    [Fact]
    public async Task Write_FailedJob_WritesEndDurationAndTruncatedErrorInfo()
    {
        var writer = CreateWriter();
        var errorInfo = "say \"no\"\\\n" + new string('x', 300);
        Record(Failed, TestJobs.Ended("failed", ExportJobState.Failed, 55, TimeSpan.FromMinutes(4), errorInfo), polledAt: TestJobs.Start.AddMinutes(5));

        var scrape = await ScrapeAsync(writer);

        Assert.Equal(1, scrape.For("workmail_export_job_state", "failed").Single(s => s["state"] == "FAILED").Value);
        Assert.Equal(TestJobs.Start.AddMinutes(4).ToUnixTimeSeconds(), Single(scrape, "workmail_export_job_end_timestamp_seconds").Value);
        Assert.Equal(240, Single(scrape, "workmail_export_job_duration_seconds").Value);
        Assert.Equal(errorInfo[..256], Single(scrape, "workmail_export_job_failure_info")["error_info"]);
    }

    [Fact]
    public async Task Write_AfterFailedPoll_KeepsValuesAndReportsPollFailure()
    {
        var writer = CreateWriter();
        Record(Running, TestJobs.Running("running", 40), polledAt: TestJobs.Start);
        _store.TryUpdate(Running, j => j.WithFailure("ThrottlingException", "Rate exceeded"), out _, out _);

        var scrape = await ScrapeAsync(writer);

        Assert.Equal(0, Single(scrape, "workmail_export_job_poll_success").Value);
        Assert.Equal(0.4, Single(scrape, "workmail_export_job_progress_ratio").Value, 6);
        Assert.Equal(TestJobs.Start.ToUnixTimeSeconds(), Single(scrape, "workmail_export_job_last_poll_success_timestamp_seconds").Value);
    }

    [Fact]
    public async Task Write_JobNeverDescribed_WritesOnlyPollFailure()
    {
        var writer = CreateWriter();
        _store.Watch(Running);
        _store.TryUpdate(Running, j => j.WithFailure("AccessDeniedException", "denied"), out _, out _);

        var scrape = await ScrapeAsync(writer);

        Assert.Equal(0, Single(scrape, "workmail_export_job_poll_success").Value);
        Assert.Single(scrape.Samples);
        Assert.Equal(["workmail_export_job_poll_success"], scrape.Types.Keys);
    }

    [Fact]
    public async Task Write_UnwatchedJob_HasNoSeriesAndIsForgotten()
    {
        var writer = CreateWriter();
        Record(Running, TestJobs.Running("running", 40), polledAt: TestJobs.Start);
        Record(Failed, TestJobs.Ended("failed", ExportJobState.Failed, 55, TimeSpan.FromMinutes(4), "boom"), polledAt: TestJobs.Start);
        await ScrapeAsync(writer);

        _store.Unwatch(Failed);
        var scrape = await ScrapeAsync(writer);

        Assert.DoesNotContain(scrape.Samples, s => s["job_id"] == "failed");
        Assert.Single(scrape.Named("workmail_export_job_info"));
        Assert.Equal(1, writer.CachedJobs);
    }

    [Fact]
    public async Task Write_WithArnsOptedIn_AddsRoleAndKeyToInfo()
    {
        var writer = CreateWriter(includeArns: true);
        Record(Running, TestJobs.Running("running", 40), polledAt: TestJobs.Start);

        var info = Single(await ScrapeAsync(writer), "workmail_export_job_info");

        Assert.Equal("arn:aws:iam::111122223333:role/export", info["role_arn"]);
        Assert.Equal("arn:aws:kms:us-east-1:111122223333:key/k", info["kms_key_arn"]);
    }

    [Fact]
    public async Task Write_OpenMetrics_HeadersOncePerFamilyWithUnits()
    {
        var writer = CreateWriter();
        // Enough jobs that each family spans several flushed chunks.
        for (var i = 0; i < 600; i++)
        {
            var key = new WatchedJobKey(TestJobs.Org, $"job-{i}");
            Record(key, TestJobs.Running(key.JobId, i % 100), polledAt: TestJobs.Start);
        }

        var text = await JobSeriesOutput.RenderAsync(writer, openMetrics: true);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        foreach (var family in JobSeries.Families.Where(f => f.Name != "workmail_export_job_end_timestamp_seconds" && f.Name != "workmail_export_job_failure_info"))
        {
            Assert.Single(lines, l => l == $"# TYPE {family.Name} gauge");
            Assert.Single(lines, l => l.StartsWith($"# HELP {family.Name} ", StringComparison.Ordinal));
            Assert.Equal(family.Unit == "s" ? 1 : 0, lines.Count(l => l == $"# UNIT {family.Name} seconds"));

            // A family's samples follow its header without another family in between.
            var first = Array.FindIndex(lines, l => l.StartsWith(family.Name + "{", StringComparison.Ordinal));
            var last = Array.FindLastIndex(lines, l => l.StartsWith(family.Name + "{", StringComparison.Ordinal));
            Assert.All(lines[first..(last + 1)], l => Assert.StartsWith(family.Name + "{", l));
            Assert.Equal(600 * family.VariantCount, last - first + 1);
        }

        Assert.DoesNotContain(lines, l => l.StartsWith("# UNIT", StringComparison.Ordinal) && !l.EndsWith(" seconds", StringComparison.Ordinal));
        Assert.Equal(600 * 11, PrometheusText.Parse(text).Samples.Count);
    }

    [Fact]
    public async Task Write_TextFormat_HasNoUnitLines()
    {
        var writer = CreateWriter();
        Record(Running, TestJobs.Running("running", 40), polledAt: TestJobs.Start);

        var text = await JobSeriesOutput.RenderAsync(writer, openMetrics: false);

        Assert.DoesNotContain("# UNIT", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE workmail_export_job_duration_seconds gauge\n# HELP workmail_export_job_duration_seconds ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_EscapesLabelValues()
    {
        var writer = CreateWriter();
        var tricky = TestJobs.Running("running", 40) with { Description = "a \"quoted\" \\ back\nslash" };
        Record(Running, tricky, polledAt: TestJobs.Start);

        var text = await JobSeriesOutput.RenderAsync(writer);

        Assert.Contains("description=\"a \\\"quoted\\\" \\\\ back\\nslash\"", text, StringComparison.Ordinal);
        Assert.Equal(tricky.Description, Single(PrometheusText.Parse(text), "workmail_export_job_info")["description"]);
    }

    [Fact]
    public async Task Write_InfoChanges_RendersTheNewLabels()
    {
        var writer = CreateWriter();
        Record(Running, TestJobs.Running("running", 40), polledAt: TestJobs.Start);
        await ScrapeAsync(writer);

        _store.TryUpdate(Running, j => j.WithSuccess(TestJobs.Running("running", 41) with { Description = "renamed" }, TestJobs.Start), out _, out _);
        var scrape = await ScrapeAsync(writer);

        Assert.Equal("renamed", Single(scrape, "workmail_export_job_info")["description"]);
        Assert.Equal(0.41, Single(scrape, "workmail_export_job_progress_ratio").Value, 6);
    }

    [Fact]
    public void Families_PrometheusNames_AreTheInstrumentNamesTranslated()
    {
        foreach (var family in JobSeries.Families)
        {
            var expected = family.InstrumentName.Replace('.', '_') + (family.Unit == "s" ? "_seconds" : string.Empty);
            Assert.Equal(expected, family.Name);
        }

        Assert.Equal(JobSeries.Families.Count, JobSeries.Families.Select(f => f.Name).Distinct().Count());
    }

    private JobSeriesWriter CreateWriter(bool includeArns = false) =>
        new(_store, _time, Options.Create(new WatcherOptions { Metrics = new MetricsOptions { IncludeArns = includeArns } }));

    private void Record(WatchedJobKey key, ExportJobDetails details, DateTimeOffset polledAt)
    {
        _store.Watch(key);
        _store.TryUpdate(key, j => j.WithSuccess(details, polledAt), out _, out _);
    }

    private static async Task<PrometheusText> ScrapeAsync(JobSeriesWriter writer) =>
        PrometheusText.Parse(await JobSeriesOutput.RenderAsync(writer));

    private static PrometheusSample Single(PrometheusText scrape, string name) => Assert.Single(scrape.Named(name));
}
