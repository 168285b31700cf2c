using Microsoft.Data.Sqlite;
using Observer.Actors.Persistence;
using Observer.Actors.Tests.Shipping;

namespace Observer.Actors.Tests.Persistence;

/// <summary>The SQLite pre-flight on a real file: WAL and incremental auto-vacuum, idempotent; bad settings named.</summary>
public sealed class JournalDatabaseTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Prepare_CreatesWalFileWithIncrementalVacuum()
    {
        var options = new JournalOptions { DataDir = _dir.Path };
        var database = new JournalDatabase(options);

        await database.PrepareAsync(TestContext.Current.CancellationToken);
        await database.PrepareAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Path.Combine(_dir.Path, "journal", "observer.db"), options.SqliteFile);
        await using var connection = new SqliteConnection($"Data Source={options.SqliteFile}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal("2", await ScalarAsync(connection, "PRAGMA auto_vacuum;"));
        SqliteConnection.ClearAllPools();
    }

    [Theory]
    [InlineData("mysql", null, "Kind")]
    [InlineData("postgres", null, "ConnectionString")]
    public void InvalidOptions_NameTheBadValue(string kind, string? connection, string parameter)
    {
        var options = new JournalOptions { Kind = kind, ConnectionString = connection };

        var error = Assert.ThrowsAny<ArgumentException>(options.Validate);

        Assert.Equal(parameter, error.ParamName);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
