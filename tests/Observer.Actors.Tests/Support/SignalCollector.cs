using System.Collections.Concurrent;
using Akka.Actor;
using Observer.Actors.Shipping;
using Observer.Contracts.Signals;

namespace Observer.Actors.Tests.Support;

/// <summary>Everything shipped on a node, in arrival order (what the real shipper would persist).</summary>
internal sealed class SignalCollector
{
    private readonly ConcurrentQueue<Signal> _signals = new();

    public IReadOnlyList<Signal> All => [.. _signals];

    public IReadOnlyList<AiCallSignal> Calls => [.. _signals.OfType<AiCallSignal>()];

    public IReadOnlyList<TaskSignal> Tasks => [.. _signals.OfType<TaskSignal>()];

    public void Add(IEnumerable<Signal> signals)
    {
        foreach (var signal in signals)
        {
            _signals.Enqueue(signal);
        }
    }
}

/// <summary>Stands in for the persistent shipper under <see cref="SignalShipperKey"/>: accepts and records every Ship.</summary>
internal sealed class CollectingShipperActor : ReceiveActor
{
    public CollectingShipperActor(SignalCollector collector) =>
        Receive<ShipperProtocol.Ship>(ship =>
        {
            collector.Add(ship.Signals);
            if (ship.ReplyTo)
            {
                Sender.Tell(new ShipperProtocol.Accepted(ship.Signals.Count, 0));
            }
        });
}
