using System.Collections.Immutable;
using System.Data.Common;
using Observer.Actors.Persistence;

namespace Observer.Actors.Recording;

/// <summary>
/// The session index table <c>axom_sessions</c>: one row per session, summarizing its journal events up to
/// <c>last_sequence_nr</c>. Every write is conditional on that number, so a row only ever moves forward, whoever
/// writes it (the session's recorder or a repair beside it) and in whatever order the writes land.
/// </summary>
internal sealed class SessionIndex
{
    private const string Columns = "session_id, started_at, last_at, closed_at, client, agents, destinations, providers, exchanges, ai_calls, errors, bytes, bodies, last_sequence_nr";

    private const string SequenceColumn = "last_sequence_nr";

    private readonly JournalDatabase _database;
    private int _ready;

    public SessionIndex(JournalDatabase database) => _database = database;

    /// <summary>Creates the table, or brings one created by an earlier version up to date.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _ready) == 1)
        {
            return;
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await JournalDatabase.ExecuteAsync(connection, $"""
            CREATE TABLE IF NOT EXISTS axom_sessions (
                session_id VARCHAR(255) NOT NULL PRIMARY KEY, started_at BIGINT NOT NULL, last_at BIGINT NOT NULL, closed_at BIGINT NULL,
                client VARCHAR(255) NOT NULL, agents TEXT NOT NULL, destinations TEXT NOT NULL, providers TEXT NOT NULL,
                exchanges BIGINT NOT NULL, ai_calls BIGINT NOT NULL, errors BIGINT NOT NULL, bytes BIGINT NOT NULL, bodies INTEGER NOT NULL,
                {SequenceColumn} BIGINT NOT NULL DEFAULT 0)
            """, cancellationToken).ConfigureAwait(false);
        await JournalDatabase.ExecuteAsync(connection, "CREATE INDEX IF NOT EXISTS axom_sessions_last_at ON axom_sessions (last_at)", cancellationToken).ConfigureAwait(false);
        await AddSequenceColumnAsync(connection, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _ready, 1);
    }

    /// <summary>
    /// Writes the row when it is missing or summarizes fewer journal events than <paramref name="summary"/>; returns
    /// whether it did. A writer holding an older summary (a repair that read the journal before the recorder indexed
    /// later events, or a recorder's update landing after a repair's) leaves the newer row alone.
    /// </summary>
    public async Task<bool> WriteForwardAsync(SessionSummary summary, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO axom_sessions ({Columns}) VALUES (@id, @started, @last, @closed, @client, @agents, @destinations, @providers, @exchanges, @calls, @errors, @bytes, @bodies, @seq)
            ON CONFLICT (session_id) DO UPDATE SET started_at = excluded.started_at, last_at = excluded.last_at, closed_at = excluded.closed_at,
                client = excluded.client, agents = excluded.agents, destinations = excluded.destinations, providers = excluded.providers,
                exchanges = excluded.exchanges, ai_calls = excluded.ai_calls, errors = excluded.errors, bytes = excluded.bytes, bodies = excluded.bodies,
                {SequenceColumn} = excluded.{SequenceColumn}
            WHERE excluded.{SequenceColumn} > axom_sessions.{SequenceColumn}
            """;
        command.AddParameter("@id", summary.SessionId);
        command.AddParameter("@started", summary.StartedAt.ToUnixTimeMilliseconds());
        command.AddParameter("@last", summary.LastAt.ToUnixTimeMilliseconds());
        command.AddParameter("@closed", summary.ClosedAt?.ToUnixTimeMilliseconds());
        command.AddParameter("@client", summary.Client);
        command.AddParameter("@agents", Join(summary.Agents));
        command.AddParameter("@destinations", Join(summary.Destinations));
        command.AddParameter("@providers", Join(summary.Providers));
        command.AddParameter("@exchanges", summary.Exchanges);
        command.AddParameter("@calls", summary.AiCalls);
        command.AddParameter("@errors", summary.Errors);
        command.AddParameter("@bytes", summary.Bytes);
        command.AddParameter("@bodies", summary.BodiesRecorded ? 1 : 0);
        command.AddParameter("@seq", summary.LastSequenceNr);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Rows matching the filter, newest first.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(SessionFilter filter, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new List<(string Name, object Value)> { ("@limit", filter.Limit) };
        if (filter.Agent is { } agent)
        {
            where.Add("(',' || agents || ',') LIKE @agent");
            parameters.Add(("@agent", $"%,{agent},%"));
        }

        if (filter.Provider is { } provider)
        {
            where.Add("(',' || providers || ',') LIKE @provider");
            parameters.Add(("@provider", $"%,{provider},%"));
        }

        if (filter.Since is { } since)
        {
            where.Add("last_at >= @since");
            parameters.Add(("@since", since.ToUnixTimeMilliseconds()));
        }

        if (filter.Until is { } until)
        {
            where.Add("started_at < @until");
            parameters.Add(("@until", until.ToUnixTimeMilliseconds()));
        }

        where.AddRange(filter.Status switch
        {
            "open" => ["closed_at IS NULL"],
            "closed" => ["closed_at IS NOT NULL"],
            "errors" => ["errors > 0"],
            _ => [],
        });
        var sql = $"SELECT {Columns} FROM axom_sessions {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))} ORDER BY started_at DESC, session_id LIMIT @limit";
        return await ReadAsync(sql, command => parameters.ForEach(p => command.AddParameter(p.Name, p.Value)), ReadSummary, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The journal sequence number each row summarizes up to, by session id.</summary>
    public async Task<IReadOnlyDictionary<string, long>> SequenceNrsAsync(CancellationToken cancellationToken)
    {
        var rows = await ReadAsync($"SELECT session_id, {SequenceColumn} FROM axom_sessions", _ => { }, r => (Id: r.GetString(0), SequenceNr: r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Id, r => r.SequenceNr, StringComparer.Ordinal);
    }

    /// <summary>Ids of rows whose last activity is before <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<string>> IdleSinceAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        await ReadAsync("SELECT session_id FROM axom_sessions WHERE last_at < @before", c => c.AddParameter("@before", before.ToUnixTimeMilliseconds()), r => r.GetString(0), cancellationToken).ConfigureAwait(false);

    private async Task<List<T>> ReadAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryAsync(sql, bind, row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A table created before rows carried their sequence number gets the column, 0 ("summarizes nothing") in every
    /// existing row, so the next repair rebuilds those rows from the journal. Another process (an observer beside a
    /// <c>sessions</c> command) may add it at the same moment: its ALTER failing is fine once the column is there.
    /// </summary>
    private async Task AddSequenceColumnAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (await HasSequenceColumnAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await JournalDatabase.ExecuteAsync(connection, $"ALTER TABLE axom_sessions ADD COLUMN {SequenceColumn} BIGINT NOT NULL DEFAULT 0", cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            if (!await HasSequenceColumnAsync(connection, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }
        }
    }

    private async Task<bool> HasSequenceColumnAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.ScalarInt64Async(
            _database.Options.IsPostgres
                ? $"SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'axom_sessions' AND column_name = '{SequenceColumn}'"
                : $"SELECT COUNT(*) FROM pragma_table_info('axom_sessions') WHERE name = '{SequenceColumn}'",
            cancellationToken).ConfigureAwait(false) > 0;

    private static SessionSummary ReadSummary(DbDataReader reader) => new()
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
        LastSequenceNr = reader.GetInt64(13),
    };

    private static string Join(ImmutableList<string> values) => string.Join(',', values.Select(v => v.Replace(',', ' ')));

    private static ImmutableList<string> Split(string value) =>
        value.Length == 0 ? [] : [.. value.Split(',')];
}
