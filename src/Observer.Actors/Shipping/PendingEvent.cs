namespace Observer.Actors.Shipping;

/// <summary>An unconfirmed <see cref="ShipperEvents.SignalsAccepted"/> loaded for delivery, with its journal sequence number.</summary>
public sealed record PendingEvent(long SequenceNr, long AcceptedAtUnixMs, IReadOnlyList<StoredSignal> Signals)
{
    public static PendingEvent From(long sequenceNr, ShipperEvents.SignalsAccepted accepted) =>
        new(sequenceNr, accepted.AcceptedAtUnixMs, accepted.Signals);

    public long Bytes { get; } = Signals.Sum(s => (long)s.Bytes);
}
