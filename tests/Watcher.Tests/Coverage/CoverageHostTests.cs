using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Watcher.Coverage;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Testing.Waiting;
using Watcher.Tests.Support;

namespace Watcher.Tests.Coverage;

/// <summary>The real app recording the completed exports it discovers, into a good store file and past a corrupt one.</summary>
[Collection(SequentialHosts.Name)]
public sealed class CoverageHostTests : IAsyncLifetime
{
    private const string Org = "m-0000000000000000000000000000c0de";
    private const int Completed = 6;

    private readonly string _folder = Directory.CreateTempSubdirectory("watcher-coverage-host-").FullName;
    private WorkMailSimulator _simulator = null!;

    private string StorePath => Path.Combine(_folder, "coverage.db");

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        _simulator.Store.AddOrganization(Org, "coverage");
        _simulator.Store.AddJobs(Org, Enumerable.Range(0, Completed).Select(i => new SimulatedJob
        {
            JobId = $"done-{i}",
            EntityId = $"mailbox-{i:0000}",
            StartOffset = TimeSpan.FromHours(-2),
            Duration = TimeSpan.FromMinutes(20),
        }));
        _simulator.Store.AddUsers(Org, Enumerable.Range(0, Completed + 2).Select(i => new SimulatedUser { Id = $"mailbox-{i:0000}", Name = $"user{i}" }));
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = "running", StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromDays(1), Outcome = SimulatedOutcome.RunForever });
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Discovery_WithAStoreFile_RecordsEachCompletedExportThereOnce()
    {
        await using (var host = await WatcherTestHost.StartAsync(_simulator, Settings()))
        {
            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
            var store = host.Services.GetRequiredService<ICompletionStore>();
            await Wait.UntilAsync(async () => (await store.LoadAsync()).Count == Completed, TimeSpan.FromSeconds(30), () => $"{Completed} completions to be recorded");
            Assert.Equal(CompletionStoreHealth.Ok, store.Health);
        }

        // What a restarted Watcher would load.
        using var reopened = new SqliteCompletionStore(StorePath, TimeSpan.FromHours(1), TimeProvider.System, NullLogger<SqliteCompletionStore>.Instance);
        var completions = await reopened.LoadAsync();
        Assert.Equal(Enumerable.Range(0, Completed).Select(i => $"mailbox-{i:0000}"), completions.Select(c => c.EntityId).Order());
        Assert.All(completions, c => Assert.Equal(Org, c.OrganizationId));
    }

    [Fact]
    public async Task Restart_AfterTheListingNoLongerShowsTheExports_CountsThemFromTheStoreFile()
    {
        await using (var first = await WatcherTestHost.StartAsync(_simulator, Settings()))
        {
            var store = first.Services.GetRequiredService<ICompletionStore>();
            await Wait.UntilAsync(async () => (await store.LoadAsync()).Count == Completed, TimeSpan.FromSeconds(30), () => $"{Completed} completions to be recorded");
        }

        // As after 7 days: ListMailboxExportJobs no longer shows the completed exports, only the running one.
        Assert.Equal(Completed, _simulator.Store.ForgetJobsStartedBefore(TimeSpan.FromHours(1)));

        await using var restarted = await WatcherTestHost.StartAsync(_simulator, Settings());
        var scrape = await restarted.ScrapeUntilAsync(s => s.Named("workmail_organization_mailboxes").Any(), TimeSpan.FromSeconds(30), "the first coverage scan after the restart");
        Assert.Equal(Completed + 2, scrape.Named("workmail_organization_mailboxes").Single().Value);
        Assert.Equal(Completed, scrape.Named("workmail_organization_mailboxes_exported").Single().Value);
        Assert.Equal(1, scrape.Named("watcher_watched_jobs").Single().Value);
        var exported = scrape.Named("workmail_mailbox_last_export_completed_timestamp_seconds").Where(s => s.Value > 0).Select(s => s["mailbox_id"]).Order();
        Assert.Equal(Enumerable.Range(0, Completed).Select(i => $"mailbox-{i:0000}"), exported);
    }

    [Fact]
    public async Task Discovery_WithACorruptStoreFile_NamesItAndKeepsPollingAndServing()
    {
        await File.WriteAllBytesAsync(StorePath, [.. Enumerable.Repeat((byte)0xA5, 8192)]);

        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings(), builder => builder.Logging.AddFakeLogging());
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        var scrape = await host.ScrapeAsync();
        Assert.Equal(1, scrape.Named("workmail_organization_poll_success").Single().Value);
        Assert.Equal(Completed + 1, scrape.Named("watcher_watched_jobs").Single().Value);

        var store = host.Services.GetRequiredService<ICompletionStore>();
        await Wait.UntilAsync(async () => (await store.LoadAsync()).Count == Completed, TimeSpan.FromSeconds(30), () => $"{Completed} completions to be kept in memory");
        Assert.Equal(CompletionStoreStatus.Unavailable, store.Health.Status);
        var error = Assert.Single(host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot(), r => r.Level == LogLevel.Error && r.Category == typeof(SqliteCompletionStore).FullName);
        Assert.Contains($"{StorePath} is not a SQLite database, or is corrupt", error.Message, StringComparison.Ordinal);

        Assert.Equal(0, (await host.ScrapeAsync()).Named("watcher_coverage_store_up").Single().Value);
        var page = await host.Client.GetStringAsync(new Uri("/?refresh=0", UriKind.Relative));
        Assert.Contains($"<dd id=\"coverage-store\"><span class=\"err\">{StorePath} is not a SQLite database, or is corrupt", page, StringComparison.Ordinal);
    }

    private object Settings() => new
    {
        Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString() },
        PollInterval = "00:00:10",
        Organizations = new[] { new { OrganizationId = Org } },
        Coverage = new { StorePath },
    };
}
