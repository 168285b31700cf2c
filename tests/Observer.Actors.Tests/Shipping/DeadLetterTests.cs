using Observer.Actors.Persistence;
using Observer.Actors.Shipping;
using Observer.Testing;

namespace Observer.Actors.Tests.Shipping;

/// <summary>Non-retryable 4xx: the batch goes to the persisted dead-letter store, is counted, and can be re-sent.</summary>
public sealed class DeadLetterTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task BadRequest_SignalsDeadLetteredThenRedelivered()
    {
        await using var backend = await TestBackend.StartAsync();
        backend.Status = () => 400;
        var journal = new JournalOptions { DataDir = _dir.Path };
        var options = ShipperTestHost.FastOptions(backend.Url);
        var signals = SampleSignals.Many(300);
        await using (var node = await ShipperTestHost.StartAsync(journal, options))
        {
            await node.ShipAsync(signals);
            await Eventually.TrueAsync(() => node.Metrics.SignalsDeadLettered.Value == 300, Generous,
                () => $"{node.Metrics.SignalsDeadLettered.Value} of 300 dead-lettered");
            await Eventually.TrueAsync(() => node.Status.Pending == 0, Generous, () => $"{node.Status.Pending} pending");
            Assert.Equal(0, node.Metrics.DeliveryRetries.Value);
        }

        // A 400 is never retried: each batch reached the backend exactly once.
        Assert.All(backend.Batches.GroupBy(b => b.Headers["X-Axom-Batch-Id"]), g => Assert.Single(g));
        Assert.Equal(300, backend.Batches.Sum(b => b.Ids.Count));
        var store = new DeadLetterStore(new JournalDatabase(journal));
        var letters = await store.ListAsync(null, TestContext.Current.CancellationToken);
        Assert.Equal(signals.Select(s => s.Id).Order(), letters.Select(l => l.SignalId).Order());
        Assert.All(letters, l => Assert.Equal(400, l.Status));
        Assert.Equal(
            Observer.Contracts.Signals.SignalJson.Serialize(signals[0]),
            letters.Single(l => l.SignalId == signals[0].Id).SignalJson);

        backend.Status = () => 200;
        var redelivery = new DeadLetterRedelivery(store, options);
        var one = await redelivery.RedeliverAsync([signals[0].Id], TestContext.Current.CancellationToken);
        Assert.Equal(new[] { signals[0].Id }, backend.Deliveries.Keys);
        Assert.Equal(1, one.Delivered);

        var rest = await redelivery.RedeliverAsync(null, TestContext.Current.CancellationToken);

        Assert.Equal(299, rest.Delivered);
        Assert.Equal(0, rest.Failed);
        Assert.True(signals.All(s => backend.Deliveries.ContainsKey(s.Id)));
        Assert.Empty(await store.ListAsync(null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RedeliverWhileBackendStillRejects_KeepsDeadLetters()
    {
        await using var backend = await TestBackend.StartAsync();
        backend.Status = () => 422;
        var journal = new JournalOptions { DataDir = _dir.Path };
        var store = new DeadLetterStore(new JournalDatabase(journal));
        var signal = SampleSignals.AiCall();
        await store.AddAsync(
            [new DeadLetter(signal.Id, "batch-1", 400, "HTTP 400", DateTimeOffset.UtcNow, Observer.Contracts.Signals.SignalJson.Serialize(signal))],
            TestContext.Current.CancellationToken);

        var report = await new DeadLetterRedelivery(store, ShipperTestHost.FastOptions(backend.Url))
            .RedeliverAsync(null, TestContext.Current.CancellationToken);

        Assert.Equal(1, report.Failed);
        Assert.Contains("HTTP 422", report.Errors.Single());
        Assert.Single(await store.ListAsync(null, TestContext.Current.CancellationToken));
    }
}
