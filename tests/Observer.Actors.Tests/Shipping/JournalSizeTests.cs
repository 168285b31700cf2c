using Observer.Actors.Persistence;
using Observer.Testing;

namespace Observer.Actors.Tests.Shipping;

/// <summary>Compaction keeps the SQLite journal small in steady state, whatever went through it.</summary>
public sealed class JournalSizeTests : IDisposable
{
    private const int Signals = 100_000;

    // 100,000 signals are ~75 MB of JSON; after compaction the file holds a snapshot and a few rows.
    private const long BoundBytes = 1024 * 1024;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(240);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task HundredThousandDelivered_SqliteJournalStaysUnderOneMebibyte()
    {
        await using var backend = await TestBackend.StartAsync();
        var journal = new JournalOptions { DataDir = _dir.Path };
        await using var node = await ShipperTestHost.StartAsync(journal, ShipperTestHost.FastOptions(backend.Url));
        long peak = 0;
        for (var round = 0; round < 10; round++)
        {
            Assert.Equal(Signals / 10, await node.ShipAsync(SampleSignals.Many(Signals / 10), chunk: 500));
            peak = Math.Max(peak, JournalBytes(journal));
        }

        await Eventually.TrueAsync(() => backend.Deliveries.Count == Signals && node.Status.Pending == 0, Generous,
            () => $"{backend.Deliveries.Count} of {Signals} delivered, {node.Status.Pending} pending");
        await Eventually.TrueAsync(() => JournalBytes(journal) < BoundBytes, Generous,
            () => $"journal is {JournalBytes(journal)} bytes (db + wal), bound {BoundBytes}");

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"journal after {Signals} delivered signals: {JournalBytes(journal)} bytes (peak seen {peak}); backlog {node.Status.BacklogBytes} bytes");
        Assert.Equal(0, node.Status.BacklogBytes);
    }

    private static long JournalBytes(JournalOptions journal) =>
        new[] { journal.SqliteFile, journal.SqliteFile + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
}
