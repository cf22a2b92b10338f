using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Watcher.Coverage;

/// <summary>
/// The store's schema as numbered migrations. <c>PRAGMA user_version</c> says how many have run; each runs once, in
/// order, in its own transaction. Append a new script for a change; never edit one that has shipped.
/// </summary>
public static class CompletionSchema
{
    /// <summary>Migration N (1-based) takes the schema from version N-1 to N.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE completions (
            organization_id TEXT NOT NULL,
            job_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            end_time_unix_ms INTEGER NOT NULL,
            s3_bucket TEXT NOT NULL,
            s3_path TEXT NOT NULL,
            description TEXT,
            recorded_at_unix_ms INTEGER NOT NULL,
            PRIMARY KEY (organization_id, job_id)
        ) WITHOUT ROWID;
        """,

        // The latest completion per mailbox, which coverage asks for.
        "CREATE INDEX completions_by_entity ON completions (organization_id, entity_id, end_time_unix_ms);",
    ];

    public static int CurrentVersion => Migrations.Count;

    public static int ReadVersion(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Brings the schema up to <see cref="CurrentVersion"/>. A database from a newer Watcher is refused untouched, so
    /// that rolling back a release cannot damage the memory a later one wrote.
    /// </summary>
    /// <exception cref="NewerSchemaException">The database's version is above <see cref="CurrentVersion"/>.</exception>
    public static void Migrate(SqliteConnection connection, int upTo = -1)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var target = upTo < 0 ? CurrentVersion : upTo;
        var version = ReadVersion(connection);
        if (version > CurrentVersion)
        {
            throw new NewerSchemaException(version, CurrentVersion);
        }

        for (var next = version + 1; next <= target; next++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // PRAGMA takes no parameters; the number is ours.
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"{Migrations[next - 1]}\nPRAGMA user_version = {next};");
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
