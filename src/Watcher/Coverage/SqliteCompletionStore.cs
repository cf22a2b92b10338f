using Microsoft.Data.Sqlite;
using Watcher.Jobs;

namespace Watcher.Coverage;

/// <summary>
/// Completions in a SQLite file (WAL mode), with a copy of all of them in memory. When the file cannot be used (a
/// folder, a missing or unwritable folder, a corrupt file, a newer schema) it says why once, in the log and in
/// <see cref="Health"/>, and keeps recording in memory; it tries the file again at the next record or load, at most
/// once per <c>retryInterval</c>, and then writes what it recorded in the meantime.
/// </summary>
/// <remarks>
/// One connection, used by one caller at a time: the recorder writes from one background service, so the gate is
/// never contended by polls or scrapes.
/// </remarks>
public sealed partial class SqliteCompletionStore(string path, TimeSpan retryInterval, TimeProvider time, ILogger<SqliteCompletionStore> logger)
    : ICompletionStore, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<WatchedJobKey, Completion> _completions = [];
    private readonly HashSet<WatchedJobKey> _unsaved = [];
    private SqliteConnection? _connection;
    private DateTimeOffset? _failedAt;
    private CompletionStoreHealth _health = CompletionStoreHealth.Ok;

    public string Path => path;

    public CompletionStoreHealth Health => Volatile.Read(ref _health);

    public async Task<bool> RecordAsync(Completion completion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completion);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var key = new WatchedJobKey(completion.OrganizationId, completion.JobId);
            OpenIfDue();
            if (!_completions.TryAdd(key, completion))
            {
                return false;
            }

            _unsaved.Add(key);
            SaveUnsaved();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<Completion>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            OpenIfDue();
            return [.. _completions.Values];
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
        _gate.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void OpenIfDue()
    {
        if (_connection is not null || (_failedAt is { } failedAt && time.GetUtcNow() - failedAt < retryInterval))
        {
            return;
        }

        if (StorePathCheck.Problem(path) is { } problem)
        {
            Fail(problem);
            return;
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;");
            CompletionSchema.Migrate(connection);
            foreach (var stored in ReadAll(connection))
            {
                _completions.TryAdd(new WatchedJobKey(stored.OrganizationId, stored.JobId), stored);
            }
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            Fail(StorePathCheck.Describe(path, ex));
            return;
        }
        catch (NewerSchemaException ex)
        {
            connection.Dispose();
            Fail($"{path} was written by a newer Watcher ({ex.Message}); it is left untouched");
            return;
        }

        _connection = connection;
        _failedAt = null;
        if (Health.Status != CompletionStoreStatus.Ok)
        {
            Log.StoreRecovered(logger, path, _unsaved.Count);
        }

        Volatile.Write(ref _health, CompletionStoreHealth.Ok);
        SaveUnsaved();
    }

    private void SaveUnsaved()
    {
        if (_connection is not { } connection || _unsaved.Count == 0)
        {
            return;
        }

        try
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO completions (organization_id, job_id, entity_id, end_time_unix_ms, s3_bucket, s3_path, description, recorded_at_unix_ms)
                VALUES ($organization, $job, $entity, $end, $bucket, $path, $description, $recorded)
                ON CONFLICT (organization_id, job_id) DO NOTHING;
                """;
            var organization = command.Parameters.Add("$organization", SqliteType.Text);
            var job = command.Parameters.Add("$job", SqliteType.Text);
            var entity = command.Parameters.Add("$entity", SqliteType.Text);
            var end = command.Parameters.Add("$end", SqliteType.Integer);
            var bucket = command.Parameters.Add("$bucket", SqliteType.Text);
            var s3Path = command.Parameters.Add("$path", SqliteType.Text);
            var description = command.Parameters.Add("$description", SqliteType.Text);
            command.Parameters.AddWithValue("$recorded", time.GetUtcNow().ToUnixTimeMilliseconds());
            foreach (var key in _unsaved)
            {
                var completion = _completions[key];
                organization.Value = completion.OrganizationId;
                job.Value = completion.JobId;
                entity.Value = completion.EntityId;
                end.Value = completion.EndTime.ToUnixTimeMilliseconds();
                bucket.Value = completion.S3BucketName;
                s3Path.Value = completion.S3Path;
                description.Value = (object?)completion.Description ?? DBNull.Value;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            _unsaved.Clear();
        }
        catch (SqliteException ex)
        {
            Fail(StorePathCheck.Describe(path, ex));
        }
    }

    private void Fail(string reason)
    {
        _connection?.Dispose();
        _connection = null;
        _failedAt = time.GetUtcNow();
        if (Health.Reason != reason)
        {
            Log.StoreUnavailable(logger, reason, retryInterval);
        }

        Volatile.Write(ref _health, CompletionStoreHealth.Unavailable(reason));
    }

    private static List<Completion> ReadAll(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT organization_id, entity_id, job_id, end_time_unix_ms, s3_bucket, s3_path, description FROM completions;";
        using var reader = command.ExecuteReader();
        var completions = new List<Completion>();
        while (reader.Read())
        {
            completions.Add(new Completion(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return completions;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The coverage store cannot be used: {Reason}. Completed exports are remembered in memory only, and lost on restart, until it can be; it is tried again at most every {RetryInterval}")]
        public static partial void StoreUnavailable(ILogger logger, string reason, TimeSpan retryInterval);

        [LoggerMessage(2, LogLevel.Information, "The coverage store {Path} works again; writing the {Count} completions recorded in memory meanwhile")]
        public static partial void StoreRecovered(ILogger logger, string path, int count);
    }
}
