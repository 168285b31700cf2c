using Observer.Contracts.Signals;

namespace Observer.Backend.Storage;

/// <summary>A validated signal: its typed form for indexed columns and its JSON exactly as received (unknown fields kept).</summary>
public sealed record IncomingSignal(Signal Signal, string Json);
