using System.Data.Common;

namespace Observer.Actors.Persistence;

/// <summary>
/// The persisted dead-letter store: table <c>axom_dead_letters</c> in the journal's own database, one row per
/// signal. Used by the shipper (add) and by <c>axom-observer signals dead-letters|redeliver</c> (list, remove),
/// whether or not an observer is running on the same database (SQLite WAL and PostgreSQL both allow that).
/// </summary>
public sealed class DeadLetterStore
{
    // The same SQL runs on SQLite (3.24+) and PostgreSQL: both know ON CONFLICT upserts and BIGINT/TEXT.
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS axom_dead_letters (
            signal_id TEXT PRIMARY KEY,
            batch_id TEXT NOT NULL,
            status INTEGER NOT NULL,
            reason TEXT NOT NULL,
            dead_lettered_at BIGINT NOT NULL,
            signal_json TEXT NOT NULL)
        """;

    private const string Upsert = """
        INSERT INTO axom_dead_letters (signal_id, batch_id, status, reason, dead_lettered_at, signal_json)
        VALUES (@id, @batch, @status, @reason, @at, @json)
        ON CONFLICT (signal_id) DO UPDATE SET batch_id = excluded.batch_id, status = excluded.status,
            reason = excluded.reason, dead_lettered_at = excluded.dead_lettered_at, signal_json = excluded.signal_json
        """;

    private readonly JournalDatabase _database;
    private int _tableReady;

    public DeadLetterStore(JournalDatabase database) => _database = database;

    public async Task AddAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var letter in letters)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Upsert;
            command.AddParameter("@id", letter.SignalId);
            command.AddParameter("@batch", letter.BatchId);
            command.AddParameter("@status", letter.Status);
            command.AddParameter("@reason", letter.Reason);
            command.AddParameter("@at", letter.DeadLetteredAt.ToUnixTimeMilliseconds());
            command.AddParameter("@json", letter.SignalJson);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>All dead letters (or only <paramref name="signalIds"/>), oldest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(IReadOnlyCollection<string>? signalIds, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT signal_id, batch_id, status, reason, dead_lettered_at, signal_json FROM axom_dead_letters ORDER BY dead_lettered_at, signal_id";
        var result = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var letter = new DeadLetter(
                reader.GetString(0),
                reader.GetString(1),
                Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.GetString(5));
            if (signalIds is null || signalIds.Contains(letter.SignalId))
            {
                result.Add(letter);
            }
        }

        return result;
    }

    public async Task<int> RemoveAsync(IReadOnlyCollection<string> signalIds, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var id in signalIds)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM axom_dead_letters WHERE signal_id = @id";
            command.AddParameter("@id", id);
            removed += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _tableReady) == 0)
        {
            await JournalDatabase.ExecuteAsync(connection, CreateTable, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _tableReady, 1);
        }

        return connection;
    }
}
