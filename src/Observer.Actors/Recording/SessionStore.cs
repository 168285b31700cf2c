using Observer.Actors.Persistence;

namespace Observer.Actors.Recording;

/// <summary>
/// Direct SQL on the journal database for recordings: the session index table <c>axom_sessions</c>
/// (<see cref="SessionIndex"/>), reading sessions back from the <c>journal</c> table (<see cref="SessionJournal"/>),
/// repairing the index from the journal, and deleting sessions. Works on SQLite and PostgreSQL, with or without an
/// observer running on the same database.
/// </summary>
public sealed class SessionStore
{
    public const string PersistencePrefix = "session-";

    private readonly JournalDatabase _database;
    private readonly SessionIndex _index;
    private readonly SessionJournal _journal;

    public SessionStore(JournalDatabase database)
    {
        _database = database;
        _index = new SessionIndex(database);
        _journal = new SessionJournal(database);
    }

    public JournalDatabase Database => _database;

    public static string PersistenceId(string sessionId) => PersistencePrefix + sessionId;

    /// <summary>Creates the index table, or adds what an index created by an earlier version lacks.</summary>
    public Task EnsureIndexAsync(CancellationToken cancellationToken) => _index.EnsureAsync(cancellationToken);

    /// <summary>
    /// Writes a session's row when it is missing or summarizes fewer journal events (by
    /// <see cref="SessionSummary.LastSequenceNr"/>) than <paramref name="summary"/>; returns whether it did. The one
    /// way rows are written, by recorders and repairs alike: a row never moves backwards.
    /// </summary>
    public Task<bool> WriteForwardAsync(SessionSummary summary, CancellationToken cancellationToken) =>
        _index.WriteForwardAsync(summary, cancellationToken);

    /// <summary>A session's index row as its journal events up to <paramref name="toSequenceNr"/> define it.</summary>
    public async Task<SessionSummary> SummarizeAsync(string sessionId, CancellationToken cancellationToken, long toSequenceNr = long.MaxValue)
    {
        var summary = SessionSummary.Start(sessionId);
        foreach (var (sequenceNr, evt) in await _journal.LoadAsync(sessionId, toSequenceNr, cancellationToken).ConfigureAwait(false))
        {
            summary = summary.Apply(evt, EventSize.Estimate(evt), sequenceNr);
        }

        return summary;
    }

    /// <summary>Index rows matching the filter, newest first.</summary>
    public Task<IReadOnlyList<SessionSummary>> ListAsync(SessionFilter filter, CancellationToken cancellationToken) =>
        _index.ListAsync(filter, cancellationToken);

    /// <summary>A session's events in order, or an empty list when nothing is recorded under its id.</summary>
    public async Task<IReadOnlyList<RecordingEvents.IRecordingEvent>> LoadEventsAsync(string sessionId, CancellationToken cancellationToken, long toSequenceNr = long.MaxValue) =>
        [.. (await _journal.LoadAsync(sessionId, toSequenceNr, cancellationToken).ConfigureAwait(false)).Select(e => e.Event)];

    /// <summary>Stored bytes of each recorded session's journal rows, oldest session (by its index start time) first.</summary>
    public async Task<IReadOnlyList<(string SessionId, long Bytes, long StartedAt)>> SizesAsync(CancellationToken cancellationToken)
    {
        await _index.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _journal.SizesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rebuilds, from the journal, the index rows that are missing or behind it (the process died between a journal
    /// write and the index update that follows it), at most <paramref name="limit"/> per call, missing rows first.
    /// Returns how many rows it moved forward. Safe beside a running observer: rows are compared by the journal
    /// sequence number they summarize, and a row that a recorder moved further meanwhile is kept.
    /// </summary>
    public async Task<int> RepairIndexAsync(int limit, CancellationToken cancellationToken)
    {
        await _index.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var journal = await _journal.HighestSequenceNrsAsync(cancellationToken).ConfigureAwait(false);
        if (journal.Count == 0)
        {
            return 0;
        }

        var indexed = await _index.SequenceNrsAsync(cancellationToken).ConfigureAwait(false);
        var stale = journal
            .Select(j => (SessionId: j.Key, Indexed: indexed.TryGetValue(j.Key, out var sequenceNr) ? sequenceNr : (long?)null, Highest: j.Value))
            .Where(s => s.Indexed is null || s.Indexed < s.Highest)
            .OrderBy(s => s.Indexed is null ? 0 : 1)
            .Take(limit)
            .ToList();

        // Summaries are read after the comparison and written conditionally: a recorder indexing the same session
        // meanwhile cannot be rolled back, whichever write lands last.
        var rebuilt = 0;
        foreach (var (sessionId, _, _) in stale)
        {
            var summary = await SummarizeAsync(sessionId, cancellationToken).ConfigureAwait(false);
            rebuilt += await _index.WriteForwardAsync(summary, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return rebuilt;
    }

    /// <summary>Deletes a session's journal rows and index row.</summary>
    public async Task DeleteAsync(string sessionId, CancellationToken cancellationToken)
    {
        await _index.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (sql, id) in new[] { ("DELETE FROM journal WHERE persistence_id = @id", PersistenceId(sessionId)), ("DELETE FROM axom_sessions WHERE session_id = @id", sessionId) })
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.AddParameter("@id", id);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ids of index rows whose last activity is before <paramref name="before"/>.</summary>
    public Task<IReadOnlyList<string>> IdleSinceAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        _index.IdleSinceAsync(before, cancellationToken);
}
