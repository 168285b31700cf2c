using Observer.Actors.Persistence;

namespace Observer.Actors.Recording;

/// <summary>
/// Reads recorded sessions straight from the Akka.Persistence.Sql <c>journal</c> table (persistence ids
/// <c>session-{id}</c>): events with their sequence numbers, the highest sequence number per session, stored sizes.
/// </summary>
internal sealed class SessionJournal
{
    private readonly JournalDatabase _database;
    private int _exists;

    public SessionJournal(JournalDatabase database) => _database = database;

    /// <summary>Whether the journal plugin has created its table yet (a data dir no observer has run on has none).</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _exists) == 1)
        {
            return true;
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var exists = await connection.ScalarInt64Async(
            _database.Options.IsPostgres
                ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'journal'"
                : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'journal'",
            cancellationToken).ConfigureAwait(false) > 0;
        if (exists)
        {
            Volatile.Write(ref _exists, 1);
        }

        return exists;
    }

    /// <summary>A session's events up to <paramref name="toSequenceNr"/> in order, each with its sequence number.</summary>
    public async Task<IReadOnlyList<(long SequenceNr, RecordingEvents.IRecordingEvent Event)>> LoadAsync(string sessionId, long toSequenceNr, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryAsync(
            "SELECT sequence_number, manifest, message FROM journal WHERE persistence_id = @pid AND sequence_number <= @to ORDER BY sequence_number",
            command =>
            {
                command.AddParameter("@pid", SessionStore.PersistenceId(sessionId));
                command.AddParameter("@to", toSequenceNr);
            },
            reader => (reader.GetInt64(0), RecordingJson.FromBinary((byte[])reader.GetValue(2), reader.GetString(1))),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The highest journal sequence number of every recorded session, by session id, in one query.</summary>
    public async Task<IReadOnlyDictionary<string, long>> HighestSequenceNrsAsync(CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return new Dictionary<string, long>();
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync(
            "SELECT persistence_id, MAX(sequence_number) FROM journal WHERE persistence_id LIKE @prefix GROUP BY persistence_id",
            command => command.AddParameter("@prefix", SessionStore.PersistencePrefix + "%"),
            reader => (SessionId: SessionIdOf(reader.GetString(0)), Highest: reader.GetInt64(1)),
            cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.SessionId, r => r.Highest, StringComparer.Ordinal);
    }

    /// <summary>
    /// Stored bytes of each recorded session's journal rows, oldest session (by its index start time) first. Joins
    /// the index table, which the caller makes sure exists.
    /// </summary>
    public async Task<IReadOnlyList<(string SessionId, long Bytes, long StartedAt)>> SizesAsync(CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryAsync(
            $"""
            SELECT j.persistence_id, SUM(LENGTH(j.message)), COALESCE(s.started_at, 0) FROM journal j
            LEFT JOIN axom_sessions s ON s.session_id = SUBSTR(j.persistence_id, {SessionStore.PersistencePrefix.Length + 1})
            WHERE j.persistence_id LIKE @prefix GROUP BY j.persistence_id, s.started_at ORDER BY 3, MIN(j.ordering)
            """,
            command => command.AddParameter("@prefix", SessionStore.PersistencePrefix + "%"),
            reader => (SessionIdOf(reader.GetString(0)), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), reader.GetInt64(2)),
            cancellationToken).ConfigureAwait(false);
    }

    private static string SessionIdOf(string persistenceId) => persistenceId[SessionStore.PersistencePrefix.Length..];
}
