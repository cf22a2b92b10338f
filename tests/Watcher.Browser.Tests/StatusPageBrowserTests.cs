using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Watcher.Browser.Tests.Support;
using Watcher.Jobs;
using Watcher.Testing;
using Watcher.Testing.Time;
using Watcher.Testing.Waiting;

namespace Watcher.Browser.Tests;

/// <summary>The status page at <c>/</c> in a real headless Chromium, against the real app in demo mode.</summary>
public sealed class StatusPageBrowserTests
{
    /// <summary>The colours the stylesheet gives each state, as getComputedStyle reports them.</summary>
    private static readonly Dictionary<string, string> StateColours = new(StringComparer.Ordinal)
    {
        ["RUNNING"] = "rgb(31, 111, 235)",
        ["COMPLETED"] = "rgb(26, 127, 55)",
        ["FAILED"] = "rgb(207, 34, 46)",
        ["CANCELLED"] = "rgb(110, 119, 129)",
        ["PENDING"] = "rgb(154, 103, 0)",
        ["UNKNOWN"] = "rgb(130, 80, 223)",
    };

    private const string ReadPage = """
        (() => {
          const rows = [...document.querySelectorAll('#jobs tbody tr.job')].map(r => {
            const badge = r.querySelector('.state');
            const bar = r.querySelector('.bar');
            const fill = r.querySelector('.bar .fill');
            return {
              organizationId: r.dataset.organizationId,
              jobId: r.dataset.jobId,
              state: badge.textContent,
              badgeColour: getComputedStyle(badge).backgroundColor,
              fillColour: fill ? getComputedStyle(fill).backgroundColor : null,
              barWidth: bar ? bar.getBoundingClientRect().width : null,
              fillWidth: fill ? fill.getBoundingClientRect().width : null,
              description: r.querySelector('.desc').textContent,
              errorInfo: r.querySelector('.error-info') ? r.querySelector('.error-info').textContent : null,
            };
          });
          return {
            rows,
            pwned: typeof window.__pwned,
            scripts: document.querySelectorAll('script').length,
            images: document.querySelectorAll('img').length,
            total: document.querySelector('#counts [data-state=ALL] b').textContent,
            links: [...document.querySelectorAll('nav a')].map(a => a.getAttribute('href')),
            height: document.documentElement.scrollHeight,
          };
        })()
        """;

    [Fact]
    public async Task StatusPage_AgainstDemo_ShowsEveryJobWithItsProgressAndStateColourAndRunsNoInjectedScript()
    {
        // First, so that a missing browser fails the test at once, saying how to get it.
        await using var chromium = await Chromium.StartAsync();
        await using var watcher = await DemoWatcher.StartAsync(pollInterval: TimeSpan.FromMinutes(10));
        await watcher.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var store = watcher.Services.GetRequiredService<ExportJobStore>();
        var scheduler = await watcher.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await using var page = await DevToolsPage.ConnectAsync(await chromium.PageWebSocketAsync());
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 1400, height = 900, deviceScaleFactor = 1, mobile = false });

        // The page and the store must describe the same moment: compare only when no poll landed in between.
        JsonElement shown = default;
        Dictionary<WatchedJobKey, ExportJobSnapshot> jobs = [];
        for (var attempt = 1; ; attempt++)
        {
            var before = await SettledAsync(store, scheduler);
            await page.NavigateAsync(new Uri(watcher.Address, "?refresh=0"));
            shown = await page.EvaluateAsync(ReadPage);
            if (Fingerprint(store.Current.Values).SequenceEqual(Fingerprint(before.Values)))
            {
                jobs = before;
                break;
            }

            Assert.True(attempt < 5, "The store kept changing while the page was read.");
        }

        var rows = shown.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(jobs.Count, rows.Count);
        Assert.Equal(
            jobs.Keys.Select(k => $"{k.OrganizationId}/{k.JobId}").Order(StringComparer.Ordinal),
            rows.Select(r => $"{r.GetProperty("organizationId").GetString()}/{r.GetProperty("jobId").GetString()}").Order(StringComparer.Ordinal));
        Assert.Equal(jobs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), shown.GetProperty("total").GetString());
        Assert.Equal(["metrics", "healthz", "readyz", "metrics", "healthz", "readyz"], shown.GetProperty("links").EnumerateArray().Select(l => l.GetString()));

        foreach (var row in rows)
        {
            var job = jobs[new WatchedJobKey(row.GetProperty("organizationId").GetString()!, row.GetProperty("jobId").GetString()!)];
            var state = ExpectedState(job);
            var what = $"job {job.Key}";
            Assert.True(state == row.GetProperty("state").GetString(), $"{what}: state {row.GetProperty("state")}, expected {state}");
            Assert.True(StateColours[state] == row.GetProperty("badgeColour").GetString(), $"{what}: {state} badge is {row.GetProperty("badgeColour")}, expected {StateColours[state]}");
            if (job.Details is { } details)
            {
                Assert.True(StateColours[state] == row.GetProperty("fillColour").GetString(), $"{what}: progress bar is {row.GetProperty("fillColour")}, expected {StateColours[state]}");
                var expectedWidth = row.GetProperty("barWidth").GetDouble() * details.EstimatedProgress / 100;
                var width = row.GetProperty("fillWidth").GetDouble();
                Assert.True(Math.Abs(width - expectedWidth) < 0.5, $"{what}: bar filled {width}px of {row.GetProperty("barWidth")}px, expected {expectedWidth}px for {details.EstimatedProgress}%");
                Assert.Equal(details.Description ?? string.Empty, row.GetProperty("description").GetString());
            }
        }

        // The demo covers every WorkMail state, so every colour above was checked at least once.
        Assert.Superset(new HashSet<string>(["RUNNING", "COMPLETED", "FAILED", "CANCELLED"]), rows.Select(r => r.GetProperty("state").GetString()!).ToHashSet());

        // The injected markup is text. (The CSP would stop an inline script even if it were not; the text
        // comparison is what proves the escaping.)
        var hostile = Assert.Single(rows, r => r.GetProperty("jobId").GetString() == DemoWatcher.HostileJobId);
        Assert.Equal(DemoWatcher.HostileDescription, hostile.GetProperty("description").GetString());
        Assert.Equal(DemoWatcher.HostileErrorInfo, hostile.GetProperty("errorInfo").GetString());
        Assert.Equal("undefined", shown.GetProperty("pwned").GetString());
        Assert.Equal(0, shown.GetProperty("scripts").GetInt32());
        Assert.Equal(0, shown.GetProperty("images").GetInt32());

        await SaveScreenshotAsync(page, shown.GetProperty("height").GetInt32());
    }

    private static string ExpectedState(ExportJobSnapshot job) => job switch
    {
        { Details: { } details } => details.State.ToString().ToUpperInvariant(),
        { PollAttempted: false } => "PENDING",
        _ => "UNKNOWN",
    };

    /// <summary>
    /// Waits until the first describes that follow the first listing have landed and the scheduler has nothing
    /// running or due: with a long poll interval, nothing then moves until the test is done.
    /// </summary>
    private static async Task<Dictionary<WatchedJobKey, ExportJobSnapshot>> SettledAsync(ExportJobStore store, IScheduler scheduler)
    {
        await Wait.UntilAsync(
            async () => store.Current.Values.All(j => j.PollAttempted && !j.NeedsDescribe) && await SchedulerState.IsIdleAsync(scheduler, DateTimeOffset.UtcNow),
            TimeSpan.FromSeconds(60),
            () => "the watched jobs to settle");
        return store.Current.ToDictionary();
    }

    private static IEnumerable<string> Fingerprint(IEnumerable<ExportJobSnapshot> jobs) =>
        jobs.Select(j => $"{j.Key} {ExpectedState(j)} {j.Details?.EstimatedProgress} {j.LastPollSucceeded} {j.Details?.Description}").Order(StringComparer.Ordinal);

    private static async Task SaveScreenshotAsync(DevToolsPage page, int height)
    {
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 1400, height = Math.Clamp(height, 900, 12_000), deviceScaleFactor = 1, mobile = false });
        var shot = await page.SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true });
        var png = Convert.FromBase64String(shot.GetProperty("data").GetString()!);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        var folder = Repository.File("artifacts", "test-results");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "status-page.png"), png);
    }
}
