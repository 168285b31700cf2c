namespace Observer.Actors.Shipping;

/// <summary>
/// The shipper's durable state, rebuilt from its snapshot and events. The signals themselves are not part of it:
/// unconfirmed ones stay in the journal and are paged back for delivery.
/// </summary>
public sealed record ShipperState(long ConfirmedUpTo, long PendingSignals, long BacklogBytes)
{
    public static readonly ShipperState Empty = new(0, 0, 0);

    public static ShipperState From(ShipperEvents.ShipperSnapshot snapshot) =>
        new(snapshot.ConfirmedUpTo, snapshot.PendingSignals, snapshot.BacklogBytes);

    public ShipperState Apply(ShipperEvents.SignalsAccepted accepted) =>
        this with { PendingSignals = PendingSignals + accepted.Signals.Count, BacklogBytes = BacklogBytes + accepted.Bytes };

    public ShipperState Apply(ShipperEvents.DeliveryConfirmed confirmed) => new(
        Math.Max(ConfirmedUpTo, confirmed.UpToSequenceNr),
        Math.Max(0, PendingSignals - confirmed.Signals),
        Math.Max(0, BacklogBytes - confirmed.Bytes));

    /// <summary>Whether <paramref name="incomingBytes"/> more would pass <paramref name="maxBacklogBytes"/>.</summary>
    public bool WouldExceed(long incomingBytes, long maxBacklogBytes) => BacklogBytes + incomingBytes > maxBacklogBytes;

    public ShipperEvents.ShipperSnapshot ToSnapshot() => new(ConfirmedUpTo, PendingSignals, BacklogBytes);
}
