using Observer.Contracts.Signals;

namespace Observer.Actors.Shipping;

/// <summary>
/// A signal as the journal keeps it: its id and its exact wire JSON (<see cref="SignalJson"/>), serialized once at
/// acceptance so that the batch body the backend receives is the same bytes on every retry.
/// </summary>
public sealed record StoredSignal(string Id, ReadOnlyMemory<byte> Json)
{
    public static StoredSignal From(Signal signal) => new(signal.Id, SignalJson.SerializeToUtf8(signal));

    public int Bytes => Json.Length;
}
