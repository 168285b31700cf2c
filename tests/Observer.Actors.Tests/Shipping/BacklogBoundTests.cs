using Akka.Actor;
using Observer.Actors.Persistence;
using Observer.Actors.Shipping;
using Observer.Testing;

namespace Observer.Actors.Tests.Shipping;

/// <summary>At the backlog bound new signals are refused, counted and reported; once delivered, they are accepted again.</summary>
public sealed class BacklogBoundTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task BacklogAtBound_RefusesCountsAndReportsThenRecovers()
    {
        await using var backend = await TestBackend.StartAsync();
        backend.Status = () => 503;
        var options = ShipperTestHost.FastOptions(backend.Url);
        options.MaxBacklogBytes = 1024 * 1024;
        await using var node = await ShipperTestHost.StartAsync(new JournalOptions { DataDir = _dir.Path }, options);

        var persisted = await node.ShipAsync(SampleSignals.Many(2_000));
        var reply = await node.Shipper.Ask<ShipperProtocol.Accepted>(new ShipperProtocol.Ship(SampleSignals.Many(10), ReplyTo: true), Generous);

        Assert.InRange(persisted, 100, 1_999);
        Assert.Equal((0, 10), (reply.Persisted, reply.Refused));
        Assert.True(node.Status.BacklogFull);
        Assert.Contains("signals_dropped_backlog_full", node.Status.Describe(), StringComparison.Ordinal);
        Assert.Equal(2_000 - persisted + 10, node.Metrics.SignalsDropped.WithLabels(DropReasons.BacklogFull).Value);
        Assert.InRange(node.Status.BacklogBytes, 1, options.MaxBacklogBytes);

        backend.Status = () => 200;
        await Eventually.TrueAsync(() => !node.Status.BacklogFull && node.Status.Pending == 0, Generous,
            () => $"backlog still {node.Status.BacklogBytes} bytes");
        Assert.Equal(persisted, backend.Deliveries.Count);
        Assert.Equal(10, await node.ShipAsync(SampleSignals.Many(10)));
    }
}
