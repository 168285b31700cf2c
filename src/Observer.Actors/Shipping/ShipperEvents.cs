namespace Observer.Actors.Shipping;

/// <summary>The shipper's persisted events and snapshot (serialized by <see cref="ShippingSerializer"/>).</summary>
public static class ShipperEvents
{
    /// <summary>Signals accepted into the journal; one event holds at most <c>BatchSize</c> signals.</summary>
    public sealed record SignalsAccepted(long AcceptedAtUnixMs, IReadOnlyList<StoredSignal> Signals)
    {
        public long Bytes => Signals.Sum(s => (long)s.Bytes);
    }

    /// <summary>
    /// Every <see cref="SignalsAccepted"/> up to <see cref="UpToSequenceNr"/> is settled: confirmed by a 2xx or moved to
    /// the dead-letter store. <see cref="Signals"/>/<see cref="Bytes"/> are what this step settled.
    /// </summary>
    public sealed record DeliveryConfirmed(long UpToSequenceNr, long Signals, long Bytes);

    /// <summary>The compacted state: with it, every event up to <see cref="ShipperState.ConfirmedUpTo"/> can be deleted.</summary>
    public sealed record ShipperSnapshot(long ConfirmedUpTo, long PendingSignals, long BacklogBytes);
}
