using Microsoft.Extensions.Logging;
using Watcher.Configuration;
using Watcher.Coverage;
using Watcher.Jobs;
using Watcher.Tests.Support;
using Watcher.WorkMail.Model;

namespace Watcher.Tests.Coverage;

/// <summary>Coverage of a scripted directory with known numbers: 7 counted mailboxes, 3 exported, 2 of them in the last 7 days.</summary>
public sealed class CoverageScannerTests : IDisposable
{
    private const string Org = TestJobs.Org;

    private readonly PollingRig _rig;

    public CoverageScannerTests() : this(maxAge: null)
    {
    }

    private CoverageScannerTests(TimeSpan? maxAge)
    {
        _rig = new PollingRig(new WatcherOptions { Coverage = new CoverageOptions { MaxAge = maxAge } }, TestJobs.Start.AddHours(1));
        _rig.Organizations.Upsert(new OrganizationSnapshot(Org) { Region = "us-east-1" });
        _rig.WorkMail.Directory(
            Org,
            [
                User("entity-done", UserRole.User, EntityState.Enabled),
                User("u-old", UserRole.User, EntityState.Enabled),
                User("entity-failed", UserRole.User, EntityState.Enabled),
                User("u-never", UserRole.User, EntityState.Enabled),
                User("u-disabled", UserRole.User, EntityState.Disabled),
                User("entity-deleted", UserRole.User, EntityState.Deleted),
                User("u-system", UserRole.SystemUser, EntityState.Enabled),
                User("u-remote", UserRole.RemoteUser, EntityState.Enabled),
                User("u-resource-role", UserRole.Resource, EntityState.Enabled),
            ],
            [
                Resource("r-room", EntityState.Enabled),
                Resource("r-projector", EntityState.Disabled),
                Resource("r-gone", EntityState.Deleted),
            ]);
        _rig.WorkMail.List(
            Org,
            TestJobs.Ended("done", ExportJobState.Completed, 100, TimeSpan.FromMinutes(20)),
            TestJobs.Ended("failed", ExportJobState.Failed, 40, TimeSpan.FromMinutes(10), errorInfo: "Access denied to bucket"),
            TestJobs.Ended("deleted", ExportJobState.Completed, 100, TimeSpan.FromMinutes(15)),

            // Started with the room's email, in other case: WorkMail keeps the identifier it was given.
            TestJobs.Ended("room", ExportJobState.Completed, 100, TimeSpan.FromMinutes(30)) with { EntityId = "R-ROOM@corp.example" });
    }

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task ScanAsync_KnownDirectory_CountsUsersAndResourcesEnabledOrDisabledAndTheirExports()
    {
        await RememberOldCompletionAsync();
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        Assert.Equal(CoverageScanOutcome.Scanned, await _rig.CoverageScanner.ScanAsync(Org, CancellationToken.None));

        var state = _rig.Coverage.Current[Org];
        var coverage = state.Coverage!;
        Assert.True(state.LastScanSucceeded);
        Assert.Equal(_rig.Time.GetUtcNow(), state.LastScanSuccessAt);
        Assert.Equal(
            ["entity-done", "u-old", "entity-failed", "u-never", "u-disabled", "r-room", "r-projector"],
            coverage.Mailboxes.Select(m => m.Id));
        Assert.Equal(3, coverage.Exported);
        Assert.Equal(4, coverage.Unexported);
        Assert.Equal(2, coverage.CompletedLast7Days);
        Assert.Equal(2 / 7.0, coverage.CompletionsPerDay);
        Assert.Equal(TestJobs.Start.AddMinutes(30), Mailbox(coverage, "r-room").LastCompletedAt);
        Assert.Equal(TestJobs.Start.AddDays(-30), Mailbox(coverage, "u-old").LastCompletedAt);
        Assert.Null(Mailbox(coverage, "u-never").LastCompletedAt);
        Assert.Equal(new MailboxFailure("failed", "Access denied to bucket", TestJobs.Start.AddMinutes(10)), Mailbox(coverage, "entity-failed").LastFailure);
        Assert.Null(Mailbox(coverage, "entity-failed").LastCompletedAt);
    }

    [Fact]
    public async Task ScanAsync_WithMaxAge_CountsOnlyRecentCompletionsAsExported()
    {
        using var tests = new CoverageScannerTests(maxAge: TimeSpan.FromDays(7));
        await tests.RememberOldCompletionAsync();
        await tests._rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        await tests._rig.CoverageScanner.ScanAsync(Org, CancellationToken.None);

        var coverage = tests._rig.Coverage.Current[Org].Coverage!;
        Assert.Equal(2, coverage.Exported);
        Assert.Equal(TestJobs.Start.AddDays(-30), Mailbox(coverage, "u-old").LastCompletedAt);
    }

    [Fact]
    public async Task ScanAsync_ManyMailboxes_PagesTheDirectory()
    {
        _rig.WorkMail.Directory(Org, [.. Enumerable.Range(0, 250).Select(i => User($"user-{i}", UserRole.User, EntityState.Enabled))], []);
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);

        await _rig.CoverageScanner.ScanAsync(Org, CancellationToken.None);

        Assert.Equal(250, _rig.Coverage.Current[Org].Coverage!.Mailboxes.Length);
        Assert.Equal(3 + 1, _rig.WorkMail.DirectoryCalls(Org));
    }

    [Fact]
    public async Task ScanAsync_WhenDirectoryFails_KeepsTheLastGoodScanMarkedStaleAndLogsTheError()
    {
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
        await _rig.CoverageScanner.ScanAsync(Org, CancellationToken.None);
        var good = _rig.Coverage.Current[Org].Coverage;
        var goodAt = _rig.Time.GetUtcNow();
        _rig.Time.Advance(TimeSpan.FromHours(1));
        _rig.WorkMail.FailDirectory(Org, "AccessDeniedException");

        Assert.Equal(CoverageScanOutcome.Failed, await _rig.CoverageScanner.ScanAsync(Org, CancellationToken.None));

        var state = _rig.Coverage.Current[Org];
        Assert.Same(good, state.Coverage);
        Assert.False(state.LastScanSucceeded);
        Assert.Equal(goodAt, state.LastScanSuccessAt);
        Assert.Equal("AccessDeniedException", state.LastErrorCode);
        var warning = Assert.Single(_rig.Logs.GetSnapshot(), r => r.Category == typeof(CoverageScanner).FullName && r.Level == LogLevel.Warning);
        Assert.Contains("AccessDeniedException", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_BeforeTheFirstListing_WaitsWithoutCallingWorkMail()
    {
        Assert.Equal(CoverageScanOutcome.TooEarly, await _rig.CoverageScanner.ScanAsync(Org, CancellationToken.None));

        Assert.Equal(0, _rig.WorkMail.DirectoryCalls(Org));
        Assert.False(_rig.Coverage.Current.ContainsKey(Org));
    }

    [Fact]
    public async Task ScanAsync_OrganizationNoLongerWatched_ForgetsItsCoverage()
    {
        await _rig.OrganizationPoller.PollAsync(Org, CancellationToken.None);
        await _rig.CoverageScanner.ScanAsync(Org, CancellationToken.None);
        _rig.Organizations.Remove(Org);

        Assert.Equal(CoverageScanOutcome.NotWatched, await _rig.CoverageScanner.ScanAsync(Org, CancellationToken.None));

        Assert.False(_rig.Coverage.Current.ContainsKey(Org));
    }

    private static MailboxCoverage Mailbox(OrganizationCoverage coverage, string id) => coverage.Mailboxes.Single(m => m.Id == id);

    private static DirectoryUser User(string id, UserRole role, EntityState state) =>
        new(id, $"{id}@corp.example", id, id, state, role, TestJobs.Start.AddDays(-400), null);

    private static DirectoryResource Resource(string id, EntityState state) =>
        new(id, $"{id}@corp.example", id, ResourceType.Room, state, TestJobs.Start.AddDays(-400), null);

    /// <summary>A completion from long before the listing's 7 days, as a restarted Watcher loads it from its store.</summary>
    private Task<bool> RememberOldCompletionAsync() =>
        _rig.CompletionStore.RecordAsync(new Completion(Org, "u-old", "old-job", TestJobs.Start.AddDays(-30), "bucket", "s3://bucket/old.zip", null));
}
