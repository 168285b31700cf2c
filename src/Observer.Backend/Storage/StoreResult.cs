namespace Observer.Backend.Storage;

/// <summary>Outcome of storing a batch: the signals that were new; the others were duplicates by id.</summary>
public sealed record StoreResult(int Received, IReadOnlyList<IncomingSignal> Stored)
{
    public int Duplicates => Received - Stored.Count;
}
