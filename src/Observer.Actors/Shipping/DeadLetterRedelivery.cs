using System.Text;
using Observer.Actors.Persistence;

namespace Observer.Actors.Shipping;

/// <summary>
/// Re-sends dead letters now with the same sender (headers, signature) as the shipper, in batches of
/// <c>BatchSize</c>, and removes each batch from the store on 2xx. Used by <c>axom-observer signals redeliver</c>;
/// works while an observer runs on the same journal database or not.
/// </summary>
public sealed class DeadLetterRedelivery
{
    private readonly DeadLetterStore _store;
    private readonly ShipperOptions _options;

    public DeadLetterRedelivery(DeadLetterStore store, ShipperOptions options)
    {
        _store = store;
        _options = options;
    }

    /// <summary>Redelivers all dead letters, or only <paramref name="signalIds"/>.</summary>
    public async Task<RedeliveryReport> RedeliverAsync(IReadOnlyCollection<string>? signalIds, CancellationToken cancellationToken)
    {
        var letters = await _store.ListAsync(signalIds, cancellationToken).ConfigureAwait(false);
        using var sender = new BatchSender(_options);
        int delivered = 0, failed = 0;
        var errors = new List<string>();
        foreach (var chunk in letters.Chunk(_options.BatchSize))
        {
            var signals = chunk.Select(l => new StoredSignal(l.SignalId, Encoding.UTF8.GetBytes(l.SignalJson))).ToList();
            var events = new List<PendingEvent> { new(0, 0, signals) };
            var batch = new OutgoingBatch(events);
            var result = await sender.SendAsync(batch.BatchId, batch.Body, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == DeliveryOutcome.Delivered)
            {
                await _store.RemoveAsync(chunk.Select(l => l.SignalId).ToList(), cancellationToken).ConfigureAwait(false);
                delivered += chunk.Length;
            }
            else
            {
                failed += chunk.Length;
                errors.Add($"batch {batch.BatchId}: {result.Detail}");
            }
        }

        return new RedeliveryReport(letters.Count, delivered, failed, errors);
    }
}

/// <summary>What a redelivery did: dead letters found, delivered (and removed), still failing, and why.</summary>
public sealed record RedeliveryReport(int Found, int Delivered, int Failed, IReadOnlyList<string> Errors);
