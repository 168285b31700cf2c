using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Observer.Actors.Persistence;

/// <summary>
/// Direct ADO.NET access to the journal's database, next to the Akka.Persistence.Sql plugin: the SQLite
/// pre-flight (WAL, incremental auto-vacuum), space reclamation after compaction, and the dead-letter table.
/// </summary>
public sealed class JournalDatabase
{
    public JournalDatabase(JournalOptions options)
    {
        options.Validate();
        Options = options;
        ConnectionString = options.ResolveConnectionString();
    }

    public JournalOptions Options { get; }

    public string ConnectionString { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!Options.IsPostgres)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Options.SqliteFile)!);
        }

        DbConnection connection = Options.IsPostgres
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Creates the SQLite file with incremental auto-vacuum (which only takes effect before the first table exists)
    /// and switches it to WAL, which is a property of the file and so needs doing once. PostgreSQL: checks it answers.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!Options.IsPostgres)
        {
            await ExecuteAsync(connection, "PRAGMA auto_vacuum=INCREMENTAL;", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ExecuteAsync(connection, "SELECT 1;", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After deleted journal rows: SQLite hands freed pages back to the file system, and when
    /// <paramref name="truncateWal"/> (the shipper is idle) also truncates the WAL, so the files track the backlog
    /// rather than its peak. A truncating checkpoint briefly blocks writers, hence only when idle; otherwise SQLite's
    /// own auto-checkpoints keep the WAL bounded. PostgreSQL's autovacuum does all this on its own.
    /// </summary>
    public async Task ReclaimSpaceAsync(bool truncateWal, CancellationToken cancellationToken)
    {
        if (Options.IsPostgres)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "PRAGMA incremental_vacuum;", cancellationToken).ConfigureAwait(false);
        if (truncateWal)
        {
            await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken).ConfigureAwait(false);
        }
    }

    internal static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
