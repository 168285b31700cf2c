using Akka.Actor;
using Observer.Actors.Persistence;
using Observer.Actors.Shipping;
using Observer.Actors.Tests.Persistence;
using Observer.Testing;

namespace Observer.Actors.Tests.Shipping;

/// <summary>In-process recovery scenarios on a real SQLite journal file and a real Kestrel backend.</summary>
public sealed class ShipperRecoveryTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(JournalOptions.Sqlite)]
    [InlineData(JournalOptions.Postgres)]
    public async Task BackendDownWhile10000Produced_AllDeliveredAfterBackendUp(string kind)
    {
        await using var backend = await TestBackend.StartAsync();
        await backend.StopAsync();
        var journal = await TestJournals.CreateAsync(kind, _dir.Path);
        var shipperId = "down-" + Path.GetFileName(_dir.Path);
        var options = ShipperTestHost.FastOptions(backend.Url, shipperId);
        options.MaxSignalsInMemory = 1_000;
        await using var node = await ShipperTestHost.StartAsync(journal, options);
        var signals = SampleSignals.Many(10_000);

        Assert.Equal(10_000, await node.ShipAsync(signals));
        await Eventually.TrueAsync(() => node.Metrics.DeliveryRetries.Value >= 2, Generous, () => "no retries while down");
        Assert.Empty(backend.Deliveries);
        Assert.Equal(10_000, node.Status.Pending);
        Assert.NotNull(node.Status.LastDeliveryError);

        await backend.RestartAsync();

        await Eventually.TrueAsync(() => signals.All(s => backend.Deliveries.ContainsKey(s.Id)), Generous,
            () => $"{backend.Deliveries.Count} of 10000 delivered");
        await Eventually.TrueAsync(() => node.Status.Pending == 0, Generous, () => $"{node.Status.Pending} still pending");
        Assert.Equal(10_000, node.Metrics.SignalsDelivered.Value);

        // The backlog was paged back from the journal: memory never held more than the window (plus one event) and the batches in flight.
        var window = Math.Max(options.MaxSignalsInMemory, 4 * options.BatchSize * options.MaxBatchesInFlight);
        Assert.InRange(node.Status.PeakSignalsInMemory, 1, window + (options.BatchSize * (options.MaxBatchesInFlight + 1)));
        Assert.Equal(10_000, node.Metrics.SignalsPersisted.Value);
        Assert.Null(node.Status.LastDeliveryError);
    }

    [Fact]
    public async Task RestartWithUnconfirmedSignals_NextStartDeliversThem()
    {
        await using var backend = await TestBackend.StartAsync();
        backend.Status = () => 503;
        var journal = new JournalOptions { DataDir = _dir.Path };
        var signals = SampleSignals.Many(1_500);
        await using (var first = await ShipperTestHost.StartAsync(journal, ShipperTestHost.FastOptions(backend.Url)))
        {
            Assert.Equal(1_500, await first.ShipAsync(signals));
            await Eventually.TrueAsync(() => backend.Requests >= 1, Generous, () => "no attempt before restart");
        }

        await Eventually.TrueAsync(() => backend.InProgress == 0, Generous, () => "requests of the first node still in progress");
        HashSet<string> sentBeforeRestart = [.. backend.Seen];
        backend.Status = () => 200;
        await using var second = await ShipperTestHost.StartAsync(journal, ShipperTestHost.FastOptions(backend.Url));

        await Eventually.TrueAsync(() => signals.All(s => backend.Deliveries.ContainsKey(s.Id)), Generous,
            () => $"{backend.Deliveries.Count} of 1500 delivered after restart");

        // A request of the first node can still be answered 2xx after its client went away (at-least-once): such ids
        // may arrive twice; no other id may.
        Assert.All(backend.Deliveries.Where(d => d.Value > 1), d => Assert.Contains(d.Key, sentBeforeRestart));
    }

    [Fact]
    public async Task GracefulStopRightAfterFireAndForgetShips_FlushesThemAndNextStartDelivers()
    {
        await using var backend = await TestBackend.StartAsync();
        backend.Status = () => 503;
        var journal = new JournalOptions { DataDir = _dir.Path };
        var signals = SampleSignals.Many(2_500);
        await using (var first = await ShipperTestHost.StartAsync(journal, ShipperTestHost.FastOptions(backend.Url)))
        {
            // Fire and forget, as producers do, and stop at once: the shutdown flush must write them all.
            foreach (var chunk in signals.Chunk(500))
            {
                first.Shipper.Tell(new ShipperProtocol.Ship(chunk));
            }
        }

        backend.Status = () => 200;
        await using var second = await ShipperTestHost.StartAsync(journal, ShipperTestHost.FastOptions(backend.Url));

        await Eventually.TrueAsync(() => signals.All(s => backend.Deliveries.ContainsKey(s.Id)), Generous,
            () => $"{backend.Deliveries.Count} of 2500 delivered after the restart");
    }

    [Fact]
    public async Task TooManyRequestsWithRetryAfter_NextAttemptWaitsRetryAfter()
    {
        await using var backend = await TestBackend.StartAsync();
        var answers = 0;
        backend.Status = () => Interlocked.Increment(ref answers) == 1 ? 429 : 200;
        backend.RetryAfter = TimeSpan.FromSeconds(2);
        await using var node = await ShipperTestHost.StartAsync(
            new JournalOptions { DataDir = _dir.Path },
            ShipperTestHost.FastOptions(backend.Url));
        var signals = SampleSignals.Many(10);

        await node.ShipAsync(signals);

        await Eventually.TrueAsync(() => backend.Deliveries.Count == 10, Generous, () => $"{backend.Deliveries.Count} of 10 delivered");
        var attempts = backend.Batches.OrderBy(b => b.At).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(429, attempts[0].Status);
        Assert.Equal(attempts[0].Headers["X-Axom-Batch-Id"], attempts[1].Headers["X-Axom-Batch-Id"]);
        // The configured backoff is at most 500 ms: only Retry-After explains a gap of 2 s.
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
        Assert.Equal(1, node.Metrics.DeliveryRetries.Value);
    }
}
