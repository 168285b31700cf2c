using Akka.Actor;
using Npgsql;
using Observer.Actors.Persistence;
using Observer.Actors.Shipping;
using Observer.Actors.Tests.Shipping;
using Observer.Contracts.Signals;
using Observer.Testing;

namespace Observer.Actors.Tests.Persistence;

/// <summary>
/// A journal that stops accepting writes (a PostgreSQL database switched to read-only) is reported in
/// <see cref="JournalHealth"/> and counted as refused signals, and the shipper carries on once the database does.
/// </summary>
public sealed class JournalFailureTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task JournalBecomesReadOnly_ReportedAndRefusedThenRecovers()
    {
        var admin = await PostgresServer.ConnectionStringAsync();
        var database = "axom_fail_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE DATABASE {database}");
        try
        {
            // No pooling: every journal write opens a session, so the read-only switch applies at once.
            var connection = new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = false }.ConnectionString;
            await using var backend = await TestBackend.StartAsync();
            var journal = new JournalOptions { Kind = JournalOptions.Postgres, ConnectionString = connection };
            await using var node = await ShipperTestHost.StartAsync(journal, ShipperTestHost.FastOptions(backend.Url, "fail"));
            Assert.Equal(10, await node.ShipAsync(SampleSignals.Many(10)));
            Assert.True(node.Health.IsWritable);

            await ExecuteAsync(admin, $"ALTER DATABASE {database} SET default_transaction_read_only = on");
            var refused = await ShipUntilRefusedAsync(node);

            Assert.True(refused > 0);
            Assert.False(node.Health.IsWritable);
            Assert.Contains("read-only", node.Health.LastError, StringComparison.Ordinal);
            Assert.True(node.Metrics.SignalsDropped.WithLabels(DropReasons.JournalUnavailable).Value >= refused);

            await ExecuteAsync(admin, $"ALTER DATABASE {database} SET default_transaction_read_only = off");
            var again = SampleSignals.Many(10);
            await Eventually.TrueAsync(() => TryShipAsync(node, again), Generous, () => "journal never accepted again: " + node.Health.LastError);
            Assert.True(node.Health.IsWritable);
            await Eventually.TrueAsync(() => again.All(s => backend.Deliveries.ContainsKey(s.Id)), Generous, () => "not delivered after recovery");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static async Task<int> ShipUntilRefusedAsync(ShipperTestHost node)
    {
        var deadline = DateTime.UtcNow + Generous;
        while (DateTime.UtcNow < deadline)
        {
            var signals = SampleSignals.Many(5);
            var reply = await node.Shipper.Ask<ShipperProtocol.Accepted>(new ShipperProtocol.Ship(signals, ReplyTo: true), Generous);
            if (reply.Refused > 0)
            {
                return reply.Refused;
            }
        }

        return 0;
    }

    private static async Task<bool> TryShipAsync(ShipperTestHost node, IReadOnlyList<Signal> signals)
    {
        var reply = await node.Shipper.Ask<ShipperProtocol.Accepted>(new ShipperProtocol.Ship(signals, ReplyTo: true), Generous);
        return reply.Persisted == signals.Count;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
