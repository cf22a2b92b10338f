using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Watcher.Coverage;
using Watcher.Tests.Support;

namespace Watcher.Tests.Coverage;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteCompletionStoreTests : IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromHours(1);

    private readonly string _folder = Directory.CreateTempSubdirectory("watcher-coverage-").FullName;
    private readonly FakeTimeProvider _time = new(TestJobs.Start);
    private readonly FakeLogger<SqliteCompletionStore> _logger = new();
    private readonly List<SqliteCompletionStore> _stores = [];

    private string StorePath => Path.Combine(_folder, "coverage.db");

    public static TheoryData<string, string> BadPaths => new()
    {
        { "a folder", "is a folder, not a file; name a file inside it" },
        { "a missing folder", "does not exist" },
        { "a file as the folder", "is a file" },
        { "an unwritable folder", "is not writable by this user" },
    };

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        foreach (var dir in Directory.GetDirectories(_folder, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task RecordAsync_ThenLoadAsync_ReturnsEveryField()
    {
        var store = Open();
        var withDescription = Completion("job-1", "entity-1", TimeSpan.FromHours(-2));
        var without = Completion("job-2", "entity-2", TimeSpan.FromHours(-1)) with { Description = null };

        Assert.True(await store.RecordAsync(withDescription));
        Assert.True(await store.RecordAsync(without));

        Assert.Equal([withDescription, without], (await store.LoadAsync()).OrderBy(c => c.JobId));
        Assert.Equal(CompletionStoreHealth.Ok, store.Health);
    }

    [Fact]
    public async Task LoadAsync_AfterReopeningTheFile_ReturnsWhatWasRecordedBeforeIncludingCompletionsOlderThanTheListingWindow()
    {
        var first = Open();
        var old = Completion("job-old", "entity-old", TimeSpan.FromDays(-30));
        var recent = Completion("job-new", "entity-new", TimeSpan.FromMinutes(-5));
        await first.RecordAsync(old);
        await first.RecordAsync(recent);
        first.Dispose();

        var second = Open();

        Assert.Equal([recent, old], (await second.LoadAsync()).OrderByDescending(c => c.EndTime));
        Assert.Equal(CompletionStoreHealth.Ok, second.Health);
    }

    [Fact]
    public async Task RecordAsync_SameJobAgain_KeepsOneRowAndSaysItWasNotNew()
    {
        var first = Open();
        var completion = Completion("job-1", "entity-1", TimeSpan.FromHours(-1));
        Assert.True(await first.RecordAsync(completion));
        Assert.False(await first.RecordAsync(completion with { S3Path = "s3://elsewhere" }));
        first.Dispose();

        var second = Open();
        Assert.False(await second.RecordAsync(completion));

        Assert.Equal([completion], await second.LoadAsync());
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM completions;"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task LoadAsync_OnAnOlderSchema_MigratesItAndKeepsItsRows(int version)
    {
        using (var connection = Connect())
        {
            CompletionSchema.Migrate(connection, upTo: version);
            if (version >= 1)
            {
                Execute(connection, "INSERT INTO completions VALUES ('m-1', 'job-1', 'entity-1', 1000, 'bucket', 's3://bucket/job-1', 'from v1', 2000);");
            }
        }

        var loaded = await Open().LoadAsync();

        Assert.Equal(CompletionSchema.CurrentVersion, (long)Scalar("PRAGMA user_version;")!);
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'completions_by_entity';"));
        Assert.Equal(version >= 1 ? ["job-1"] : Array.Empty<string>(), loaded.Select(c => c.JobId));
    }

    [Fact]
    public async Task LoadAsync_OnASchemaFromANewerWatcher_RefusesItNamingThePathAndLeavesItUntouched()
    {
        using (var connection = Connect())
        {
            Execute(connection, "PRAGMA user_version = 99;");
        }

        var store = Open();
        await store.LoadAsync();
        Assert.True(await store.RecordAsync(Completion("job-1", "entity-1", TimeSpan.FromHours(-1))));

        Assert.Equal(CompletionStoreStatus.Unavailable, store.Health.Status);
        Assert.Equal($"{StorePath} was written by a newer Watcher (schema version 99, and this Watcher knows versions up to {CompletionSchema.CurrentVersion}); it is left untouched", store.Health.Reason);
        Assert.Single(await store.LoadAsync());
        Assert.Equal(99L, Scalar("PRAGMA user_version;"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM sqlite_master;"));
    }

    [Fact]
    public async Task RecordAsync_OnACorruptFile_NamesThePathKeepsTheCompletionInMemoryAndLeavesTheFileAlone()
    {
        var garbage = new byte[4096];
        new Random(17).NextBytes(garbage);
        await File.WriteAllBytesAsync(StorePath, garbage);

        var store = Open();
        Assert.True(await store.RecordAsync(Completion("job-1", "entity-1", TimeSpan.FromHours(-1))));

        Assert.Equal(CompletionStoreStatus.Unavailable, store.Health.Status);
        Assert.StartsWith($"{StorePath} is not a SQLite database, or is corrupt (SQLite Error 26", store.Health.Reason, StringComparison.Ordinal);
        Assert.Single(await store.LoadAsync());
        Assert.Equal(garbage, await File.ReadAllBytesAsync(StorePath));
        var error = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains(StorePath, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadPaths))]
    public async Task RecordAsync_OnABadPath_NamesThePathAndTheCause(string scenario, string cause)
    {
        var path = scenario switch
        {
            "a folder" => _folder,
            "a missing folder" => Path.Combine(_folder, "missing", "coverage.db"),
            "a file as the folder" => CreateFile(Path.Combine(_folder, "plain"), "x") + "/coverage.db",
            _ => Path.Combine(UnwritableFolder(_folder), "coverage.db"),
        };
        var store = Open(path);

        Assert.True(await store.RecordAsync(Completion("job-1", "entity-1", TimeSpan.FromHours(-1))), scenario);

        Assert.Equal(CompletionStoreStatus.Unavailable, store.Health.Status);
        Assert.Contains(path, store.Health.Reason, StringComparison.Ordinal);
        Assert.Contains(cause, store.Health.Reason, StringComparison.Ordinal);
        Assert.Single(await store.LoadAsync());
    }

    [Fact]
    public async Task RecordAsync_WhenTheFolderAppearsLater_ReopensAfterTheIntervalAndWritesWhatWasKeptInMemory()
    {
        var path = Path.Combine(_folder, "later", "coverage.db");
        var store = Open(path);
        await store.RecordAsync(Completion("job-1", "entity-1", TimeSpan.FromHours(-3)));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Not before the interval: a broken disk is not retried on every record.
        _time.Advance(RetryInterval - TimeSpan.FromSeconds(1));
        await store.RecordAsync(Completion("job-2", "entity-2", TimeSpan.FromHours(-2)));
        Assert.Equal(CompletionStoreStatus.Unavailable, store.Health.Status);
        Assert.False(File.Exists(path));

        _time.Advance(TimeSpan.FromSeconds(1));
        await store.RecordAsync(Completion("job-3", "entity-3", TimeSpan.FromHours(-1)));
        Assert.Equal(CompletionStoreHealth.Ok, store.Health);
        store.Dispose();

        Assert.Equal(["job-1", "job-2", "job-3"], (await Open(path).LoadAsync()).Select(c => c.JobId).Order());
        Assert.Single(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Single(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Information && r.Message.Contains("works again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordAsync_WithoutAStorePath_KeepsEachJobOnceInMemory()
    {
        var store = new NoCompletionStore();
        var completion = Completion("job-1", "entity-1", TimeSpan.FromHours(-1));

        Assert.True(await store.RecordAsync(completion));
        Assert.False(await store.RecordAsync(completion));

        Assert.Equal([completion], await store.LoadAsync());
        Assert.Equal(CompletionStoreHealth.Ok, store.Health);
    }

    private static Completion Completion(string jobId, string entityId, TimeSpan endedAgo) =>
        new(TestJobs.Org, entityId, jobId, TestJobs.Start + endedAgo, "bucket", $"s3://bucket/{jobId}.zip", $"export {entityId}");

    private static string CreateFile(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A folder this user cannot write to; root writes anywhere it may chmod, so it gets /sys, which refuses even root.</summary>
    private static string UnwritableFolder(string parent)
    {
        var folder = Directory.CreateDirectory(Path.Combine(parent, "read-only")).FullName;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            File.WriteAllText(Path.Combine(folder, "probe"), "x");
        }
        catch (UnauthorizedAccessException)
        {
            return folder;
        }

        return "/sys";
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCompletionStore Open(string? path = null)
    {
        var store = new SqliteCompletionStore(path ?? StorePath, RetryInterval, _time, _logger);
        _stores.Add(store);
        return store;
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private object? Scalar(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
