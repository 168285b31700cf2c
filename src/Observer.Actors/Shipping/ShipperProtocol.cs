using Observer.Contracts.Signals;

namespace Observer.Actors.Shipping;

/// <summary>
/// How producers hand signals to the node's persistent shipper. Producers find the shipper through the
/// Akka.Hosting <c>ActorRegistry</c> under <see cref="SignalShipperKey"/>.
/// </summary>
public static class ShipperProtocol
{
    /// <summary>
    /// Signals to deliver. The shipper persists them (batched) and then owns their delivery. When
    /// <see cref="ReplyTo"/> is true it answers the sender with <see cref="Accepted"/> once they are in the journal.
    /// </summary>
    public sealed record Ship(IReadOnlyList<Signal> Signals, bool ReplyTo = false);

    /// <summary>How many of a <see cref="Ship"/>'s signals are in the journal, and how many were refused (backlog full).</summary>
    public sealed record Accepted(int Persisted, int Refused);
}

/// <summary>Registry key of the node-local persistent shipper actor.</summary>
public sealed class SignalShipperKey;
