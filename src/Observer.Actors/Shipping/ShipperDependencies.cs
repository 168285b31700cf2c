using Microsoft.Extensions.Logging;
using Observer.Actors.Persistence;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Shipping;

/// <summary>What the shipper actors are built with; one instance per node, shared across restarts of the persistent child.</summary>
internal sealed record ShipperDependencies(
    ShipperOptions Options,
    BatchSender Sender,
    ObserverMetrics Metrics,
    ShipperStatus Status,
    ObserverJournal Journal,
    ILogger Logger);
