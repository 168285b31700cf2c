using Observer.Actors.Persistence;

namespace Observer.Actors.Tests.Persistence;

/// <summary>Journal options for a test: a SQLite file in the test's data dir, or the shared PostgreSQL test database.</summary>
public static class TestJournals
{
    public static async Task<JournalOptions> CreateAsync(string kind, string dataDir) => kind == JournalOptions.Postgres
        ? new JournalOptions { Kind = JournalOptions.Postgres, ConnectionString = await PostgresServer.ConnectionStringAsync(), DataDir = dataDir }
        : new JournalOptions { Kind = JournalOptions.Sqlite, DataDir = dataDir };
}
