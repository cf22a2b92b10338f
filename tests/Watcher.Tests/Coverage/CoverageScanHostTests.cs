using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Watcher.Coverage;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Testing.Prometheus;
using Watcher.Tests.Support;

namespace Watcher.Tests.Coverage;

/// <summary>
/// The real app scanning a simulator organization with known numbers, one completion of which is older than the
/// listing's 7 days and known only from the store file a previous run left.
/// </summary>
[Collection(SequentialHosts.Name)]
public sealed class CoverageScanHostTests : IAsyncLifetime
{
    private const string Org = "m-00000000000000000000000000c0ffee";

    private readonly string _folder = Directory.CreateTempSubdirectory("watcher-coverage-scan-").FullName;
    private WorkMailSimulator _simulator = null!;

    private string StorePath => Path.Combine(_folder, "coverage.db");

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        var store = _simulator.Store;
        store.AddOrganization(Org, "coverage");
        store.AddUsers(Org,
        [
            new SimulatedUser { Id = "mailbox-done-0001", Name = "done", Email = "done@coverage.example" },
            new SimulatedUser { Id = "mailbox-old-0001", Name = "old", Email = "old@coverage.example", State = SimulatedDirectory.Disabled },
            new SimulatedUser { Id = "mailbox-failed-0001", Name = "failed", Email = "failed@coverage.example" },
            new SimulatedUser { Id = "mailbox-never-0001", Name = "never", Email = "never@coverage.example" },
            new SimulatedUser { Id = "mailbox-deleted-0001", Name = "deleted", Email = "deleted@coverage.example", State = SimulatedDirectory.Deleted },
            new SimulatedUser { Id = "mailbox-system-0001", Name = "system", UserRole = SimulatedDirectory.SystemUser },
            new SimulatedUser { Id = "mailbox-remote-0001", Name = "remote", Email = "remote@elsewhere.example", UserRole = SimulatedDirectory.RemoteUser },
        ]);
        store.AddResources(Org, [new SimulatedResource { Id = "resource-room-0001", Name = "room-1", Email = "room-1@coverage.example" }]);
        store.AddJob(Org, new SimulatedJob { JobId = "done", EntityId = "mailbox-done-0001", StartOffset = TimeSpan.FromHours(-2), Duration = TimeSpan.FromMinutes(20) });
        store.AddJob(Org, new SimulatedJob
        {
            JobId = "failed",
            EntityId = "mailbox-failed-0001",
            StartOffset = TimeSpan.FromHours(-3),
            Duration = TimeSpan.FromMinutes(10),
            Outcome = SimulatedOutcome.Fail,
            OutcomeAtProgress = 30,
            ErrorInfo = "The export role cannot write to the bucket",
        });

        using var previousRun = new SqliteCompletionStore(StorePath, TimeSpan.FromHours(1), TimeProvider.System, NullLogger<SqliteCompletionStore>.Instance);
        await previousRun.RecordAsync(new Completion(Org, "mailbox-old-0001", "old", DateTimeOffset.UtcNow.AddDays(-40), "bucket", "s3://bucket/old.zip", null));
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Scrape_AfterTheFirstScan_ServesCoverageFromTheDirectoryAndTheStoreFile()
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, new
        {
            Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString() },
            PollInterval = "00:00:10",
            Organizations = new[] { new { OrganizationId = Org } },
            Coverage = new { StorePath },
        });

        var scrape = await host.ScrapeUntilAsync(s => s.Named("workmail_organization_mailboxes").Any(), TimeSpan.FromSeconds(30), "the first coverage scan");

        Assert.Equal(5, Single(scrape, "workmail_organization_mailboxes"));
        Assert.Equal(2, Single(scrape, "workmail_organization_mailboxes_exported"));
        Assert.Equal(1 / 7.0, Single(scrape, "workmail_organization_export_completions_per_day"), 9);
        Assert.Equal(1, Single(scrape, "workmail_organization_coverage_scan_success"));
        Assert.Equal(1806451200, scrape.Named("workmail_export_end_of_support_timestamp_seconds").Single().Value);
        Assert.Equal(1, scrape.Named("watcher_coverage_store_up").Single().Value);

        var mailboxes = scrape.Named("workmail_mailbox_last_export_completed_timestamp_seconds").ToDictionary(s => s["mailbox_id"]!);
        Assert.Equal(["mailbox-done-0001", "mailbox-failed-0001", "mailbox-never-0001", "mailbox-old-0001", "resource-room-0001"], mailboxes.Keys.Order());
        Assert.All(mailboxes.Values, s => Assert.Equal(Org, s["organization_id"]));
        Assert.Equal("never@coverage.example", mailboxes["mailbox-never-0001"]["email"]);
        Assert.Equal(0, mailboxes["mailbox-never-0001"].Value);
        Assert.Equal(0, mailboxes["mailbox-failed-0001"].Value);
        Assert.Equal(0, mailboxes["resource-room-0001"].Value);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - mailboxes["mailbox-done-0001"].Value, 100 * 60 - 60, 100 * 60 + 120);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - mailboxes["mailbox-old-0001"].Value, TimeSpan.FromDays(40).TotalSeconds - 120, TimeSpan.FromDays(40).TotalSeconds + 120);

        var failed = host.Services.GetRequiredService<CoverageStore>().Current[Org].Coverage!.Mailboxes.Single(m => m.Id == "mailbox-failed-0001");
        Assert.Equal("The export role cannot write to the bucket", failed.LastFailure?.ErrorInfo);

        // The status page: the bar, and the unexported mailboxes with the failed one first.
        var page = await host.Client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<progress max=\"5\" value=\"2\"></progress> 40", page, StringComparison.Ordinal);
        Assert.Contains("No completed export: ", page, StringComparison.Ordinal);
        var failedAt = page.IndexOf("failed@coverage.example", StringComparison.Ordinal);
        var neverAt = page.IndexOf("never@coverage.example", StringComparison.Ordinal);
        Assert.InRange(failedAt, 0, neverAt);
        Assert.True(page.IndexOf("room-1@coverage.example", StringComparison.Ordinal) > 0);
        Assert.Contains("The export role cannot write to the bucket", page, StringComparison.Ordinal);
        Assert.DoesNotContain("done@coverage.example", page, StringComparison.Ordinal);
        Assert.DoesNotContain("deleted@coverage.example", page, StringComparison.Ordinal);
    }

    private static double Single(PrometheusText scrape, string name) =>
        scrape.Named(name).Single(s => s["organization_id"] == Org).Value;
}
