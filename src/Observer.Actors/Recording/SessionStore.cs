using System.Collections.Immutable;
using System.Data.Common;
using Observer.Actors.Persistence;

namespace Observer.Actors.Recording;

/// <summary>
/// Direct SQL on the journal database for recordings: the session index table <c>axom_sessions</c>, reading a
/// session's events back from the <c>journal</c> table, and deleting sessions. Works on SQLite and PostgreSQL, with or
/// without an observer running on the same database.
/// </summary>
public sealed class SessionStore
{
    public const string PersistencePrefix = "session-";

    private const string Columns = "session_id, started_at, last_at, closed_at, client, agents, destinations, providers, exchanges, ai_calls, errors, bytes, bodies";

    private readonly JournalDatabase _database;
    private int _indexReady;
    private int _journalReady;

    public SessionStore(JournalDatabase database) => _database = database;

    public JournalDatabase Database => _database;

    public static string PersistenceId(string sessionId) => PersistencePrefix + sessionId;

    public async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _indexReady) == 1)
        {
            return;
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS axom_sessions (
                session_id VARCHAR(255) NOT NULL PRIMARY KEY, started_at BIGINT NOT NULL, last_at BIGINT NOT NULL, closed_at BIGINT NULL,
                client VARCHAR(255) NOT NULL, agents TEXT NOT NULL, destinations TEXT NOT NULL, providers TEXT NOT NULL,
                exchanges BIGINT NOT NULL, ai_calls BIGINT NOT NULL, errors BIGINT NOT NULL, bytes BIGINT NOT NULL, bodies INTEGER NOT NULL)
            """, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "CREATE INDEX IF NOT EXISTS axom_sessions_last_at ON axom_sessions (last_at)", cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _indexReady, 1);
    }

    /// <summary>Writes a recorder's row: the recorder is the only writer of its session's row that may replace it.</summary>
    public async Task UpsertAsync(SessionSummary summary, CancellationToken cancellationToken) =>
        await WriteRowAsync(summary, """
            ON CONFLICT (session_id) DO UPDATE SET started_at = excluded.started_at, last_at = excluded.last_at, closed_at = excluded.closed_at,
                client = excluded.client, agents = excluded.agents, destinations = excluded.destinations, providers = excluded.providers,
                exchanges = excluded.exchanges, ai_calls = excluded.ai_calls, errors = excluded.errors, bytes = excluded.bytes, bodies = excluded.bodies
            """, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Writes a rebuilt row only where none exists; returns whether it did. A repair reads the journal before it
    /// writes, and a live recorder may index later events in between: replacing its row would roll the index back
    /// to what the repair read, and nothing would write it again until the session's next event.
    /// </summary>
    public async Task<bool> InsertIfMissingAsync(SessionSummary summary, CancellationToken cancellationToken) =>
        await WriteRowAsync(summary, "ON CONFLICT (session_id) DO NOTHING", cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>A session's index row as its journal events up to <paramref name="toSequenceNr"/> define it.</summary>
    public async Task<SessionSummary> SummarizeAsync(string sessionId, CancellationToken cancellationToken, long toSequenceNr = long.MaxValue)
    {
        var summary = SessionSummary.Start(sessionId);
        foreach (var evt in await LoadEventsAsync(sessionId, cancellationToken, toSequenceNr).ConfigureAwait(false))
        {
            summary = summary.Apply(evt, EventSize.Estimate(evt));
        }

        return summary;
    }

    /// <summary>Index rows matching the filter, newest first.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(SessionFilter filter, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (filter.Agent is { } agent)
        {
            where.Add("(',' || agents || ',') LIKE @agent");
            Add(command, "@agent", $"%,{agent},%");
        }

        if (filter.Provider is { } provider)
        {
            where.Add("(',' || providers || ',') LIKE @provider");
            Add(command, "@provider", $"%,{provider},%");
        }

        if (filter.Since is { } since)
        {
            where.Add("last_at >= @since");
            Add(command, "@since", since.ToUnixTimeMilliseconds());
        }

        if (filter.Until is { } until)
        {
            where.Add("started_at < @until");
            Add(command, "@until", until.ToUnixTimeMilliseconds());
        }

        where.AddRange(filter.Status switch
        {
            "open" => ["closed_at IS NULL"],
            "closed" => ["closed_at IS NOT NULL"],
            "errors" => ["errors > 0"],
            _ => [],
        });
        command.CommandText = $"SELECT {Columns} FROM axom_sessions {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))} ORDER BY started_at DESC, session_id LIMIT @limit";
        Add(command, "@limit", filter.Limit);
        var rows = new List<SessionSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new SessionSummary
            {
                SessionId = reader.GetString(0),
                StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                LastAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                ClosedAt = reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                Client = reader.GetString(4),
                Agents = Split(reader.GetString(5)),
                Destinations = Split(reader.GetString(6)),
                Providers = Split(reader.GetString(7)),
                Exchanges = reader.GetInt64(8),
                AiCalls = reader.GetInt64(9),
                Errors = reader.GetInt64(10),
                Bytes = reader.GetInt64(11),
                BodiesRecorded = reader.GetInt32(12) != 0,
            });
        }

        return rows;
    }

    /// <summary>A session's events in order, or an empty list when nothing is recorded under its id.</summary>
    public async Task<IReadOnlyList<RecordingEvents.IRecordingEvent>> LoadEventsAsync(string sessionId, CancellationToken cancellationToken, long toSequenceNr = long.MaxValue)
    {
        if (!await JournalExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT manifest, message FROM journal WHERE persistence_id = @pid AND sequence_number <= @to ORDER BY sequence_number";
        Add(command, "@pid", PersistenceId(sessionId));
        Add(command, "@to", toSequenceNr);
        var events = new List<RecordingEvents.IRecordingEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(RecordingJson.FromBinary((byte[])reader.GetValue(1), reader.GetString(0)));
        }

        return events;
    }

    /// <summary>Stored bytes of each recorded session's journal rows, oldest session (by its index start time) first.</summary>
    public async Task<IReadOnlyList<(string SessionId, long Bytes, long StartedAt)>> SizesAsync(CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken).ConfigureAwait(false);
        if (!await JournalExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT j.persistence_id, SUM(LENGTH(j.message)), COALESCE(s.started_at, 0) FROM journal j
            LEFT JOIN axom_sessions s ON s.session_id = SUBSTR(j.persistence_id, {PersistencePrefix.Length + 1})
            WHERE j.persistence_id LIKE @prefix GROUP BY j.persistence_id, s.started_at ORDER BY 3, MIN(j.ordering)
            """;
        Add(command, "@prefix", PersistencePrefix + "%");
        var sizes = new List<(string, long, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sizes.Add((reader.GetString(0)[PersistencePrefix.Length..], Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), reader.GetInt64(2)));
        }

        return sizes;
    }

    /// <summary>
    /// Rebuilds index rows of sessions that have journal events but no row (the process died between the journal
    /// write and the index update), at most <paramref name="limit"/> per call. Returns how many were rebuilt. Safe
    /// beside a running observer: a row that a recorder wrote in the meantime is kept.
    /// </summary>
    public async Task<int> RepairIndexAsync(int limit, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken).ConfigureAwait(false);
        if (!await JournalExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        var missing = new List<string>();
        await using (var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT DISTINCT j.persistence_id FROM journal j
                LEFT JOIN axom_sessions s ON s.session_id = SUBSTR(j.persistence_id, {PersistencePrefix.Length + 1})
                WHERE j.persistence_id LIKE @prefix AND s.session_id IS NULL LIMIT @limit
                """;
            Add(command, "@prefix", PersistencePrefix + "%");
            Add(command, "@limit", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                missing.Add(reader.GetString(0)[PersistencePrefix.Length..]);
            }
        }

        // The session may still be recording (this runs beside a live observer): never replace a row written meanwhile.
        var rebuilt = 0;
        foreach (var sessionId in missing)
        {
            var summary = await SummarizeAsync(sessionId, cancellationToken).ConfigureAwait(false);
            rebuilt += await InsertIfMissingAsync(summary, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return rebuilt;
    }

    /// <summary>Deletes a session's journal rows and index row.</summary>
    public async Task DeleteAsync(string sessionId, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (sql, id) in new[] { ("DELETE FROM journal WHERE persistence_id = @id", PersistenceId(sessionId)), ("DELETE FROM axom_sessions WHERE session_id = @id", sessionId) })
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            Add(command, "@id", id);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ids of index rows whose last activity is before <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<string>> IdleSinceAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT session_id FROM axom_sessions WHERE last_at < @before";
        Add(command, "@before", before.ToUnixTimeMilliseconds());
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Whether the journal plugin has created its table yet (a data dir no observer has run on has none).</summary>
    private async Task<bool> JournalExistsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _journalReady) == 1)
        {
            return true;
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = _database.Options.IsPostgres
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'journal'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'journal'";
        var exists = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
        if (exists)
        {
            Volatile.Write(ref _journalReady, 1);
        }

        return exists;
    }

    private async Task<int> WriteRowAsync(SessionSummary summary, string onConflict, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO axom_sessions ({Columns}) VALUES (@id, @started, @last, @closed, @client, @agents, @destinations, @providers, @exchanges, @calls, @errors, @bytes, @bodies)
            {onConflict}
            """;
        Add(command, "@id", summary.SessionId);
        Add(command, "@started", summary.StartedAt.ToUnixTimeMilliseconds());
        Add(command, "@last", summary.LastAt.ToUnixTimeMilliseconds());
        Add(command, "@closed", summary.ClosedAt?.ToUnixTimeMilliseconds());
        Add(command, "@client", summary.Client);
        Add(command, "@agents", Join(summary.Agents));
        Add(command, "@destinations", Join(summary.Destinations));
        Add(command, "@providers", Join(summary.Providers));
        Add(command, "@exchanges", summary.Exchanges);
        Add(command, "@calls", summary.AiCalls);
        Add(command, "@errors", summary.Errors);
        Add(command, "@bytes", summary.Bytes);
        Add(command, "@bodies", summary.BodiesRecorded ? 1 : 0);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Join(ImmutableList<string> values) => string.Join(',', values.Select(v => v.Replace(',', ' ')));

    private static ImmutableList<string> Split(string value) =>
        value.Length == 0 ? [] : [.. value.Split(',')];

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
