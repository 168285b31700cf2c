using Observer.Actors.Persistence;
using Observer.Actors.Recording;
using Observer.Actors.Tests.Persistence;
using Observer.Actors.Tests.Shipping;
using Observer.Actors.Tests.Support;

namespace Observer.Actors.Tests.Recording;

/// <summary>
/// Index rows carry the journal sequence number they summarize, on both journal kinds: a row left behind by a crash
/// between a journal write and its index update is brought forward by the repair, an older summary never replaces a
/// newer row, and an index created before the column existed is migrated when opened.
/// </summary>
[Collection(RecordingSqlCollection.Name)]
public sealed class IndexRowSequenceTests
{
    // The old version's table, exactly as it created it.
    private const string LegacyTable = """
        CREATE TABLE axom_sessions (
            session_id VARCHAR(255) NOT NULL PRIMARY KEY, started_at BIGINT NOT NULL, last_at BIGINT NOT NULL, closed_at BIGINT NULL,
            client VARCHAR(255) NOT NULL, agents TEXT NOT NULL, destinations TEXT NOT NULL, providers TEXT NOT NULL,
            exchanges BIGINT NOT NULL, ai_calls BIGINT NOT NULL, errors BIGINT NOT NULL, bytes BIGINT NOT NULL, bodies INTEGER NOT NULL)
        """;

    [Theory]
    [InlineData(JournalOptions.Sqlite)]
    [InlineData(JournalOptions.Postgres)]
    public async Task RowBehindTheJournal_RepairBringsItForward(string kind)
    {
        using var dir = new TempDir();
        var journal = await TestJournals.CreateAsync(kind, dir.Path);
        var sessionId = await RecordSessionAsync(journal);
        var store = new SessionStore(new JournalDatabase(journal));
        try
        {
            // As after kill -9 between the journal write of the exchange and close and their index update: the row
            // is the one the recorder wrote after its first event.
            await DeleteRowAsync(store, sessionId);
            Assert.True(await store.WriteForwardAsync(await store.SummarizeAsync(sessionId, CancellationToken.None, toSequenceNr: 1), CancellationToken.None));
            var behind = await RowAsync(store, sessionId);
            Assert.Equal((0L, (DateTimeOffset?)null, 1L), (behind.Exchanges, behind.ClosedAt, behind.LastSequenceNr));

            Assert.True(await store.RepairIndexAsync(1000, CancellationToken.None) >= 1);
            var repaired = await RowAsync(store, sessionId);
            Assert.Equal((1L, 3L), (repaired.Exchanges, repaired.LastSequenceNr));
            Assert.NotNull(repaired.ClosedAt);
            Assert.Equal(0, await store.RepairIndexAsync(1000, CancellationToken.None));
        }
        finally
        {
            await store.DeleteAsync(sessionId, CancellationToken.None);
        }
    }

    [Theory]
    [InlineData(JournalOptions.Sqlite)]
    [InlineData(JournalOptions.Postgres)]
    public async Task OlderSummaryWritten_NeverReplacesANewerRow(string kind)
    {
        using var dir = new TempDir();
        var journal = await TestJournals.CreateAsync(kind, dir.Path);
        var sessionId = await RecordSessionAsync(journal);
        var store = new SessionStore(new JournalDatabase(journal));
        try
        {
            var complete = Shape(await RowAsync(store, sessionId));
            for (var upTo = 1; upTo <= 3; upTo++)
            {
                var older = await store.SummarizeAsync(sessionId, CancellationToken.None, toSequenceNr: upTo);
                Assert.False(await store.WriteForwardAsync(older, CancellationToken.None), $"a summary up to {upTo} replaced the row up to 3");
            }

            Assert.Equal(complete, Shape(await RowAsync(store, sessionId)));

            // From a missing row, writes move it forward only: 2 is written, then 1 is not, then 3 is.
            await DeleteRowAsync(store, sessionId);
            Assert.True(await store.WriteForwardAsync(await store.SummarizeAsync(sessionId, CancellationToken.None, toSequenceNr: 2), CancellationToken.None));
            Assert.False(await store.WriteForwardAsync(await store.SummarizeAsync(sessionId, CancellationToken.None, toSequenceNr: 1), CancellationToken.None));
            var second = await RowAsync(store, sessionId);
            Assert.Equal((1L, (DateTimeOffset?)null, 2L), (second.Exchanges, second.ClosedAt, second.LastSequenceNr));
            Assert.True(await store.WriteForwardAsync(await store.SummarizeAsync(sessionId, CancellationToken.None), CancellationToken.None));
            Assert.Equal(complete, Shape(await RowAsync(store, sessionId)));
        }
        finally
        {
            await store.DeleteAsync(sessionId, CancellationToken.None);
        }
    }

    [Theory]
    [InlineData(JournalOptions.Sqlite)]
    [InlineData(JournalOptions.Postgres)]
    public async Task IndexCreatedWithoutTheSequenceColumn_MigratedOnOpen_ThenRepaired(string kind)
    {
        using var dir = new TempDir();
        var journal = await TestJournals.CreateAsync(kind, dir.Path);
        var sessionId = await RecordSessionAsync(journal);
        var current = new SessionStore(new JournalDatabase(journal));
        var (legacy, schema) = await CreateLegacyIndexAsync(journal, current);
        try
        {
            var store = new SessionStore(new JournalDatabase(legacy));
            await using (var connection = await store.Database.OpenAsync(CancellationToken.None))
            {
                await ExecuteAsync(connection, $"""
                    INSERT INTO axom_sessions (session_id, started_at, last_at, closed_at, client, agents, destinations, providers, exchanges, ai_calls, errors, bytes, bodies)
                    VALUES ('{sessionId}', 1000, 1000, NULL, '127.0.0.1:40300', '', '', '', 0, 0, 0, 256, 1)
                    """);
            }

            // Opened as it is: the column is added, the old row reads as summarizing nothing.
            var migrated = await RowAsync(store, sessionId);
            Assert.Equal((0L, 0L, "127.0.0.1:40300"), (migrated.LastSequenceNr, migrated.Exchanges, migrated.Client));

            Assert.True(await store.RepairIndexAsync(1000, CancellationToken.None) >= 1);
            var repaired = await RowAsync(store, sessionId);
            Assert.Equal((1L, 3L), (repaired.Exchanges, repaired.LastSequenceNr));
            Assert.NotNull(repaired.ClosedAt);

            // A second store on the migrated index (the next command or start-up) finds the column in place.
            Assert.Equal(Shape(repaired), Shape(await RowAsync(new SessionStore(new JournalDatabase(legacy)), sessionId)));
        }
        finally
        {
            await current.DeleteAsync(sessionId, CancellationToken.None);
            if (schema is not null)
            {
                await using var connection = await current.Database.OpenAsync(CancellationToken.None);
                await ExecuteAsync(connection, $"DROP SCHEMA {schema} CASCADE");
            }
        }
    }

    /// <summary>Records a session (opened, one exchange, closed: sequence numbers 1–3) through a real observer node, then stops it.</summary>
    private static async Task<string> RecordSessionAsync(JournalOptions journal)
    {
        await using var node = await RecordingNode.StartAsync(journal, "index-sequence");
        var sessionId = "seq-" + Guid.NewGuid().ToString("N");
        node.RecordClosedSession(sessionId, "agent-seq", 40300);

        // The recorder's own row carries the highest sequence number it indexed.
        var store = new SessionStore(new JournalDatabase(journal));
        await Eventually.TrueAsync(
            async () => (await store.ListAsync(new SessionFilter(Limit: 10_000), CancellationToken.None)).Any(r => r.SessionId == sessionId && r.ClosedAt is not null && r.LastSequenceNr == 3),
            TimeSpan.FromSeconds(60),
            () => $"session {sessionId} not indexed up to sequence number 3 on {journal.Kind}");
        return sessionId;
    }

    /// <summary>
    /// An index as the previous version left it, beside the journal: on SQLite the table is dropped and created again
    /// the old way; on the shared PostgreSQL database it is created the old way in a schema of its own, searched before
    /// <c>public</c> (where the journal is).
    /// </summary>
    private static async Task<(JournalOptions Journal, string? Schema)> CreateLegacyIndexAsync(JournalOptions journal, SessionStore current)
    {
        await using var connection = await current.Database.OpenAsync(CancellationToken.None);
        if (!journal.IsPostgres)
        {
            await ExecuteAsync(connection, "DROP TABLE axom_sessions");
            await ExecuteAsync(connection, LegacyTable);
            return (journal, null);
        }

        var schema = "axom_legacy_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(connection, $"CREATE SCHEMA {schema}");
        await ExecuteAsync(connection, LegacyTable.Replace("CREATE TABLE axom_sessions", $"CREATE TABLE {schema}.axom_sessions", StringComparison.Ordinal));
        return (new JournalOptions { Kind = JournalOptions.Postgres, ConnectionString = $"{journal.ConnectionString};Search Path={schema},public", DataDir = journal.DataDir }, schema);
    }

    /// <summary>Every column of a row, comparable by value (the record's lists compare by reference).</summary>
    private static string Shape(SessionSummary row) => (row with { Agents = [], Destinations = [], Providers = [] })
        + $" agents={string.Join(',', row.Agents)} destinations={string.Join(',', row.Destinations)} providers={string.Join(',', row.Providers)}";

    private static async Task<SessionSummary> RowAsync(SessionStore store, string sessionId) =>
        Assert.Single(await store.ListAsync(new SessionFilter(Limit: 10_000), CancellationToken.None), r => r.SessionId == sessionId);

    private static async Task DeleteRowAsync(SessionStore store, string sessionId)
    {
        await using var connection = await store.Database.OpenAsync(CancellationToken.None);
        await ExecuteAsync(connection, $"DELETE FROM axom_sessions WHERE session_id = '{sessionId}'");
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
