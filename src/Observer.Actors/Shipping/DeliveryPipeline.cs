namespace Observer.Actors.Shipping;

/// <summary>
/// The in-memory part of delivery, bounded: a queue of loaded unconfirmed events (at most <see cref="Capacity"/>
/// signals beyond one event), the batches in flight, and the confirmation watermark. Batches may finish out of order;
/// the watermark only moves over a contiguous prefix of settled batches. No actor, no I/O: unit-tested directly.
/// </summary>
public sealed class DeliveryPipeline
{
    private readonly Queue<PendingEvent> _queue = new();
    private readonly LinkedList<OutgoingBatch> _outstanding = new();
    private readonly int _batchSize;
    private readonly int _maxInFlight;
    private readonly TimeSpan _batchDelay;

    public DeliveryPipeline(int batchSize, int maxInFlight, TimeSpan batchDelay, int maxSignalsInMemory = 10_000)
    {
        _batchSize = batchSize;
        _maxInFlight = maxInFlight;
        _batchDelay = batchDelay;
        Capacity = Math.Max(batchSize * maxInFlight * 4, maxSignalsInMemory);
    }

    /// <summary>Most signals kept queued in memory; the rest waits in the journal.</summary>
    public int Capacity { get; }

    public int QueuedSignals { get; private set; }

    public long QueuedBytes { get; private set; }

    public int InFlight { get; private set; }

    /// <summary>Signals held in memory: queued plus in batches not yet settled.</summary>
    public int SignalsInMemory => QueuedSignals + _outstanding.Sum(b => b.Settled ? 0 : b.SignalCount);

    public bool HasRoom => QueuedSignals < Capacity;

    public void Enqueue(PendingEvent pending)
    {
        _queue.Enqueue(pending);
        QueuedSignals += pending.Signals.Count;
        QueuedBytes += pending.Bytes;
    }

    /// <summary>
    /// The next batch to send, or null. A partial batch waits until its oldest signal is <c>BatchDelay</c> old, unless
    /// <paramref name="moreWaiting"/> (backlog in the journal beyond the queue); <paramref name="wait"/> says how long.
    /// </summary>
    public OutgoingBatch? TakeBatch(long nowUnixMs, bool moreWaiting, out TimeSpan? wait)
    {
        wait = null;
        if (InFlight >= _maxInFlight || _queue.Count == 0)
        {
            return null;
        }

        var age = TimeSpan.FromMilliseconds(nowUnixMs - _queue.Peek().AcceptedAtUnixMs);
        if (QueuedSignals < _batchSize && !moreWaiting && age < _batchDelay)
        {
            wait = _batchDelay - age;
            return null;
        }

        var events = new List<PendingEvent>();
        var signals = 0;
        while (_queue.Count > 0 && (events.Count == 0 || signals + _queue.Peek().Signals.Count <= _batchSize))
        {
            var next = _queue.Dequeue();
            events.Add(next);
            signals += next.Signals.Count;
            QueuedSignals -= next.Signals.Count;
            QueuedBytes -= next.Bytes;
        }

        var batch = new OutgoingBatch(events);
        _outstanding.AddLast(batch);
        InFlight++;
        return batch;
    }

    /// <summary>
    /// Marks a batch confirmed or dead-lettered. Returns how far the watermark moved (the settled prefix), or null when
    /// an earlier batch is still open.
    /// </summary>
    public Settlement? Settle(OutgoingBatch batch)
    {
        if (batch.Settled)
        {
            return null;
        }

        batch.Settled = true;
        InFlight--;
        long upTo = 0, signals = 0, bytes = 0;
        var settledBatches = 0;
        while (_outstanding.First is { Value.Settled: true } first)
        {
            _outstanding.RemoveFirst();
            upTo = first.Value.ToSequenceNr;
            signals += first.Value.SignalCount;
            bytes += first.Value.Bytes;
            settledBatches++;
        }

        return settledBatches == 0 ? null : new Settlement(upTo, signals, bytes);
    }

    /// <summary>The watermark advance of <see cref="Settle"/>.</summary>
    public sealed record Settlement(long UpToSequenceNr, long Signals, long Bytes);
}
