using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Watcher.Clients;
using Watcher.Coverage;
using Watcher.Health;
using Watcher.Jobs;
using Watcher.Tests.Support;
using Watcher.Web;
using Watcher.WorkMail.Model;

namespace Watcher.Tests.Web;

public sealed class StatusPageRendererTests
{
    private const string OtherOrg = "m-fedcba9876543210fedcba9876543210";

    private static readonly DateTimeOffset Now = TestJobs.Start.AddMinutes(90);

    private static readonly ApiActivitySnapshot NoActivity = new(default, default, null, null, null);

    [Fact]
    public void Render_WithMarkupInApiAndConfigFields_WritesItAsText()
    {
        const string description = "<script>window.__pwned=1</script>Hostile";
        const string entity = "\"><img src=x onerror=alert(1)>";
        const string pollError = "<u>denied</u> & more";
        const string errorInfo = "<script>alert('x')</script> bucket policy";
        const string alias = "<em>legal</em>";
        var failed = Described("evil", TestJobs.Ended("evil", ExportJobState.Failed, 35, TimeSpan.FromMinutes(5), errorInfo) with { EntityId = entity, Description = description })
            .WithFailure("<Code>", pollError);
        var organizations = ImmutableDictionary<string, OrganizationSnapshot>.Empty
            .Add(TestJobs.Org, new OrganizationSnapshot(TestJobs.Org) { Alias = alias, Region = "<us-east-1>", LastErrorCode = "<x>", PollAttempted = true });

        var html = StatusPageRenderer.Render(Model([failed], organizations));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<u>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;Hostile", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; bucket policy", html, StringComparison.Ordinal);

        var row = Assert.Single(Parse(html).QuerySelectorAll<IHtmlTableRowElement>("tr.job"));
        Assert.Equal(description, row.QuerySelector(".desc")!.TextContent);
        Assert.Equal(entity, row.QuerySelector(".entity")!.TextContent);
        Assert.Equal("<Code>: " + pollError, row.QuerySelector(".poll-error")!.TextContent);
        Assert.Equal(errorInfo, row.QuerySelector(".error-info")!.TextContent);
        Assert.Equal(alias + " " + TestJobs.Org + " 1 job", Parse(html).QuerySelector("#jobs tr.group")!.TextContent);
        Assert.Equal(alias, Parse(html).QuerySelector("#organizations .alias")!.TextContent);
        Assert.Empty(Parse(html).QuerySelectorAll("script, img, u, em"));
    }

    [Fact]
    public void Render_EachState_ShowsItsClassAndAProgressBarOfItsPercent()
    {
        var jobs = new[]
        {
            Described("running", TestJobs.Running("running", 42)),
            Described("completed", TestJobs.Ended("completed", ExportJobState.Completed, 100, TimeSpan.FromMinutes(30))),
            Described("failed", TestJobs.Ended("failed", ExportJobState.Failed, 35, TimeSpan.FromMinutes(10), "denied")),
            Described("cancelled", TestJobs.Ended("cancelled", ExportJobState.Cancelled, 7, TimeSpan.FromMinutes(3))),
            new ExportJobSnapshot(new WatchedJobKey(TestJobs.Org, "pending")),
            new ExportJobSnapshot(new WatchedJobKey(TestJobs.Org, "unknown")).WithFailure("EntityNotFoundException", "The job does not exist."),
        };

        var rows = Parse(StatusPageRenderer.Render(Model(jobs))).QuerySelectorAll<IHtmlTableRowElement>("tr.job").ToDictionary(r => r.GetAttribute("data-job-id")!);

        Assert.Equal(6, rows.Count);
        foreach (var (id, state, progress) in new[] { ("running", "RUNNING", 42), ("completed", "COMPLETED", 100), ("failed", "FAILED", 35), ("cancelled", "CANCELLED", 7) })
        {
            var badge = rows[id].QuerySelector(".state")!;
            Assert.Equal(state, badge.TextContent);
            Assert.Contains("s-" + state.ToLowerInvariant(), badge.ClassList);
            var fill = rows[id].QuerySelector(".bar .fill")!;
            Assert.Equal(["fill", "s-" + state.ToLowerInvariant(), "w" + progress], fill.ClassList);
            Assert.Equal(progress.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[id].QuerySelector(".bar")!.GetAttribute("aria-valuenow"));
        }

        Assert.Equal("PENDING", rows["pending"].QuerySelector(".state.s-pending")!.TextContent);
        Assert.Equal("UNKNOWN", rows["unknown"].QuerySelector(".state.s-unknown")!.TextContent);
        Assert.Null(rows["pending"].QuerySelector(".bar"));
        Assert.Equal("EntityNotFoundException: The job does not exist.", rows["unknown"].QuerySelector(".poll-error")!.TextContent);
    }

    [Fact]
    public void Render_Durations_AreNowMinusStartWhileRunningAndEndMinusStartOnceEnded()
    {
        var jobs = new[]
        {
            Described("running", TestJobs.Running("running", 42)),
            Described("completed", TestJobs.Ended("completed", ExportJobState.Completed, 100, TimeSpan.FromMinutes(30))),
            Described("long", TestJobs.Ended("long", ExportJobState.Completed, 100, TimeSpan.FromHours(51))),
        };

        var rows = Parse(StatusPageRenderer.Render(Model(jobs))).QuerySelectorAll<IHtmlTableRowElement>("tr.job").ToDictionary(r => r.GetAttribute("data-job-id")!);

        Assert.Equal("1h 30m", rows["running"].QuerySelector(".duration")!.TextContent);
        Assert.Equal("30m 00s", rows["completed"].QuerySelector(".duration")!.TextContent);
        Assert.Equal("2d 03h", rows["long"].QuerySelector(".duration")!.TextContent);
        Assert.Contains("2026-11-28 09:00:00", rows["running"].QuerySelector(".started")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1m 30s ago", rows["running"].QuerySelector(".last-poll")!.TextContent);
    }

    [Fact]
    public void Render_WhenLastPollFailed_MarksTheRowStaleWithCodeMessageAndErrorInfo()
    {
        var job = Described("failed", TestJobs.Ended("failed", ExportJobState.Failed, 35, TimeSpan.FromMinutes(10), "KMS key disabled"))
            .WithFailure("ThrottlingException", "Rate exceeded");
        var ok = Described("ok", TestJobs.Running("ok", 5));

        var rows = Parse(StatusPageRenderer.Render(Model([job, ok]))).QuerySelectorAll<IHtmlTableRowElement>("tr.job").ToDictionary(r => r.GetAttribute("data-job-id")!);

        Assert.Contains("stale", rows["failed"].ClassList);
        Assert.Equal("ThrottlingException: Rate exceeded", rows["failed"].QuerySelector(".poll-error")!.TextContent);
        Assert.Equal("KMS key disabled", rows["failed"].QuerySelector(".error-info")!.TextContent);
        Assert.DoesNotContain("stale", rows["ok"].ClassList);
        Assert.Equal(string.Empty, rows["ok"].QuerySelector(".last-error")!.TextContent);
    }

    [Fact]
    public void Render_Header_CountsEveryStateAndShowsApiHealth()
    {
        var jobs = new[]
        {
            Described("a", TestJobs.Running("a", 1)),
            Described("b", TestJobs.Running("b", 2)),
            Described("c", TestJobs.Ended("c", ExportJobState.Failed, 3, TimeSpan.FromMinutes(1), "x")),
            new ExportJobSnapshot(new WatchedJobKey(TestJobs.Org, "d")),
        };
        var activity = new ApiActivitySnapshot(new ApiCounts(200, 10, 50), new ApiCounts(1200, 12, 60), Now.AddSeconds(-12), Now.AddMinutes(-3), "ThrottlingException");

        var page = Parse(StatusPageRenderer.Render(Model(jobs) with { Activity = activity }));

        var counts = page.QuerySelectorAll("#counts .count").ToDictionary(c => c.GetAttribute("data-state")!, c => c.QuerySelector("b")!.TextContent);
        Assert.Equal(new Dictionary<string, string> { ["ALL"] = "4", ["RUNNING"] = "2", ["COMPLETED"] = "0", ["FAILED"] = "1", ["CANCELLED"] = "0", ["PENDING"] = "1", ["UNKNOWN"] = "0" }, counts);
        Assert.Equal("200 calls; 10 failed (5%); 50 throttled retries (25% of calls)", page.QuerySelector("#api-recent")!.TextContent);
        Assert.Equal("1,200 calls; 12 failed (1%); 60 throttled retries (5% of calls)", page.QuerySelector("#api-total")!.TextContent);
        var health = page.QuerySelector("#health")!.TextContent;
        Assert.Contains("Last API call12s ago", health, StringComparison.Ordinal);
        Assert.Contains("Last successful poll1m 30s ago", health, StringComparison.Ordinal);
        Assert.Contains("ThrottlingException 3m 00s ago", health, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CountsOfOne_AreSingular()
    {
        var activity = new ApiActivitySnapshot(new ApiCounts(1, 0, 1), new ApiCounts(1, 1, 0), Now.AddSeconds(-12), Now.AddMinutes(-3), "ThrottlingException");

        var page = Parse(StatusPageRenderer.Render(Model([Described("a", TestJobs.Running("a", 1))]) with { Activity = activity }));

        Assert.Equal("Watcher: 1 export job", page.Title);
        Assert.Equal("1 call; 0 failed (0%); 1 throttled retry (100% of calls)", page.QuerySelector("#api-recent")!.TextContent);
        Assert.Equal("1 call; 1 failed (100%); 0 throttled retries (0% of calls)", page.QuerySelector("#api-total")!.TextContent);
        Assert.EndsWith(" 1 job", page.QuerySelector("#jobs tr.group")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CredentialProblem_ShowsItInRedWithItsHintAndSaysWhyReadyStaysYes()
    {
        const string hint = "No credentials: set <AWS_ACCESS_KEY_ID> & co.";
        var organizations = ImmutableDictionary<string, OrganizationSnapshot>.Empty
            .Add(OtherOrg, new OrganizationSnapshot(OtherOrg) { Alias = "alpha", Region = "us-east-1" });
        var problem = new CredentialProblem("NoCredentials", "failed", hint, [TestJobs.Org, OtherOrg], Now.AddMinutes(-5), Now.AddSeconds(-10));

        var page = Parse(StatusPageRenderer.Render(Model([], organizations) with { CredentialProblems = [problem] }));

        var line = Assert.Single(page.QuerySelectorAll("#credentials .credential-problem"));
        Assert.Contains("err", line.ClassList);
        Assert.Equal(hint, line.QuerySelector(".hint")!.TextContent);
        Assert.StartsWith($"NoCredentials for {TestJobs.Org}, alpha {OtherOrg}, failing since ", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("last 10s ago", line.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#ready .ok"));
        Assert.Contains("/readyz stays 200", page.QuerySelector("#ready")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoCredentialProblem_SaysSoInGreenOnceACallWasMade()
    {
        var idle = Parse(StatusPageRenderer.Render(Model([])));
        var called = Parse(StatusPageRenderer.Render(Model([]) with { Activity = NoActivity with { LastCallAt = Now } }));

        Assert.Equal("no call yet", idle.QuerySelector("#credentials")!.TextContent);
        Assert.Equal("no credential errors", called.QuerySelector("#credentials .ok")!.TextContent);
        Assert.Equal("yes", called.QuerySelector("#ready .ok")!.TextContent);
    }

    [Fact]
    public void Render_Rows_AreSortedByOrganizationThenProblemsFirstThenNewest()
    {
        var organizations = ImmutableDictionary<string, OrganizationSnapshot>.Empty
            .Add(OtherOrg, new OrganizationSnapshot(OtherOrg) { Alias = "alpha", Region = "us-east-1" });
        var jobs = new[]
        {
            Described("legal-done", TestJobs.Ended("legal-done", ExportJobState.Completed, 100, TimeSpan.FromMinutes(1))),
            Described("legal-old", TestJobs.Running("legal-old", 50)),
            Described("legal-new", TestJobs.Running("legal-new", 5) with { StartTime = TestJobs.Start.AddMinutes(30) }),
            Described("legal-failed", TestJobs.Ended("legal-failed", ExportJobState.Failed, 3, TimeSpan.FromMinutes(1), "x")),
            Described("alpha-done", TestJobs.Ended("alpha-done", ExportJobState.Completed, 100, TimeSpan.FromMinutes(1), organizationId: OtherOrg), OtherOrg),
        };

        var ids = Parse(StatusPageRenderer.Render(Model(jobs, organizations))).QuerySelectorAll<IHtmlTableRowElement>("tr.job").Select(r => r.GetAttribute("data-job-id")).ToList();

        Assert.Equal(["alpha-done", "legal-failed", "legal-new", "legal-old", "legal-done"], ids);
    }

    [Fact]
    public void Render_With10000Jobs_ListsMaxRowsProblemsFirstAndSaysHowManyItLeftOut()
    {
        var jobs = Enumerable.Range(0, 10_000)
            .Select(i => i % 1000 == 0
                ? Described($"failed-{i}", TestJobs.Ended($"failed-{i}", ExportJobState.Failed, 10, TimeSpan.FromMinutes(1), "x"))
                : Described($"done-{i}", TestJobs.Ended($"done-{i}", ExportJobState.Completed, 100, TimeSpan.FromMinutes(1)) with { StartTime = TestJobs.Start.AddSeconds(i) }))
            .ToList();

        var watch = Stopwatch.StartNew();
        var html = StatusPageRenderer.Render(Model(jobs));
        watch.Stop();

        // Generous for a shared two-core machine; the point is that it is not quadratic.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"rendering 10 000 jobs took {watch.Elapsed}");
        var page = Parse(html);
        var rows = page.QuerySelectorAll<IHtmlTableRowElement>("tr.job").Select(r => r.GetAttribute("data-job-id")!).ToList();
        Assert.Equal(JobTable.MaxRows, rows.Count);
        Assert.Equal(10, rows.Count(id => id.StartsWith("failed-", StringComparison.Ordinal)));
        Assert.Contains("done-9999", rows);
        Assert.DoesNotContain("done-1", rows);
        Assert.Equal("Showing 2000 of 10000 jobs: failed, unknown and running jobs first, then the most recently started. The counts above cover every job, and /metrics has them all.", page.QuerySelector("#truncated")!.TextContent);
        Assert.Equal("10000", page.QuerySelector("#counts [data-state=ALL] b")!.TextContent);
    }

    [Fact]
    public void Render_UnderMaxRows_ListsEveryJobWithoutANote()
    {
        var jobs = Enumerable.Range(0, 50).Select(i => Described($"j{i}", TestJobs.Running($"j{i}", i))).ToList();

        var page = Parse(StatusPageRenderer.Render(Model(jobs)));

        Assert.Equal(50, page.QuerySelectorAll<IHtmlTableRowElement>("tr.job").Count());
        Assert.Null(page.QuerySelector("#truncated"));
    }

    // Now is 2026-11-28 10:30, 122.56 days before the end of support: 90 mailboxes left need 0.74 a day.
    [Theory]
    [InlineData(100, 100, 7, "done")]
    [InlineData(100, 10, 0, "never: nothing exported in the last 7 days; in time at 0.8 a day")]
    [InlineData(100, 10, 7, "2027-02-26; in time at 0.8 a day")]
    [InlineData(100, 10, 2, "2027-10-09, after the end of support; in time at 0.8 a day")]
    [InlineData(10_000, 0, 1, "in more than 10 years, after the end of support; in time at 81.6 a day")]
    public void Render_Coverage_ProjectsTheFinishAtTheWeeksPaceAgainstTheEndOfSupport(int mailboxes, int exported, int completedLast7Days, string expected)
    {
        var coverage = new OrganizationCoverage(
            TestJobs.Org,
            Now,
            [.. Enumerable.Range(0, mailboxes).Select(i => new MailboxCoverage($"mailbox-{i:00000}", $"user{i}@example.com", $"user{i}", MailboxKind.User, EntityState.Enabled, i < exported ? Now.AddDays(-1) : null, null))],
            exported,
            completedLast7Days);
        var model = Model([], ImmutableDictionary<string, OrganizationSnapshot>.Empty.Add(TestJobs.Org, new OrganizationSnapshot(TestJobs.Org) { Region = "us-east-1" })) with
        {
            Coverage = ImmutableDictionary<string, CoverageScanState>.Empty.Add(TestJobs.Org, new CoverageScanState(TestJobs.Org) { Coverage = coverage, ScanAttempted = true, LastScanSucceeded = true, LastScanSuccessAt = Now }),
        };

        var projection = Parse(StatusPageRenderer.Render(model)).QuerySelector("#coverage td.projection")!;

        Assert.Equal(expected, projection.TextContent);
        Assert.Equal(expected.Contains("after the end", StringComparison.Ordinal) || expected.StartsWith("never", StringComparison.Ordinal) ? "err" : "ok", projection.QuerySelector("span")!.ClassName);
    }

    [Theory]
    [InlineData("/var/lib/watcher/coverage.db", null, "/var/lib/watcher/coverage.db", "ok")]
    [InlineData(null, null, "memory only (no Watcher:Coverage:StorePath: completed exports are lost on restart and come back only for the last 7 days)", null)]
    [InlineData("/var/lib/watcher/coverage.db", "/var/lib/watcher/coverage.db is not a SQLite database, or is corrupt", "/var/lib/watcher/coverage.db is not a SQLite database, or is corrupt (completed exports", "err")]
    public void Render_CoverageStore_SaysWhereCompletionsAreKeptAndWhyNotInRed(string? path, string? problem, string expected, string? cssClass)
    {
        var model = Model([]) with
        {
            CoverageStorePath = path,
            CoverageStoreHealth = problem is null ? CompletionStoreHealth.Ok : CompletionStoreHealth.Unavailable(problem),
        };

        var line = Parse(StatusPageRenderer.Render(model)).QuerySelector("#coverage-store")!;

        Assert.StartsWith(expected, line.TextContent, StringComparison.Ordinal);
        Assert.Equal(cssClass, line.QuerySelector("span")?.ClassList[0]);
    }

    [Fact]
    public void Render_CoverageOff_HasNoCoverageStoreLine()
    {
        Assert.Null(Parse(StatusPageRenderer.Render(Model([]))).QuerySelector("#coverage-store"));
    }

    [Fact]
    public void ContentSecurityPolicy_AdmitsExactlyTheRenderedStylesheetAndNoScript()
    {
        var page = Parse(StatusPageRenderer.Render(Model([])));

        var style = Assert.Single(page.QuerySelectorAll("style")).TextContent;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        Assert.Equal(
            $"default-src 'none'; style-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            StatusPageStyle.ContentSecurityPolicy);
        Assert.Empty(page.QuerySelectorAll("script, [style]"));
    }

    [Fact]
    public void Render_Links_AreRelativeSoTheyWorkBehindAPortForwardOrAPathPrefix()
    {
        var links = Parse(StatusPageRenderer.Render(Model([]))).QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Distinct().ToList();

        Assert.Equal(["metrics", "healthz", "readyz"], links);
    }

    [Theory]
    [InlineData(30, "30")]
    [InlineData(0, null)]
    public void Render_RefreshSeconds_SetsOrOmitsTheMetaRefresh(int seconds, string? expected)
    {
        var page = Parse(StatusPageRenderer.Render(Model([]) with { RefreshSeconds = seconds }));

        Assert.Equal(expected, page.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));
    }

    private static ExportJobSnapshot Described(string jobId, ExportJobDetails details, string organizationId = TestJobs.Org) =>
        new ExportJobSnapshot(new WatchedJobKey(organizationId, jobId)).WithSuccess(details, Now.AddSeconds(-90));

    private static StatusPageModel Model(IReadOnlyCollection<ExportJobSnapshot> jobs, ImmutableDictionary<string, OrganizationSnapshot>? organizations = null) =>
        new(jobs, organizations ?? ImmutableDictionary<string, OrganizationSnapshot>.Empty, NoActivity, IsReady: true, Now, RefreshSeconds: 30);

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
