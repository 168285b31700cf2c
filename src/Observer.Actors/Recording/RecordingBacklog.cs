namespace Observer.Actors.Recording;

/// <summary>
/// Bytes of recording events held in memory by all of a node's recorders while the journal writes them. When the
/// journal lags, reservations fail and events are dropped (and counted) instead of growing memory.
/// </summary>
public sealed class RecordingBacklog
{
    private long _bytes;

    public RecordingBacklog(long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        MaxBytes = maxBytes;
    }

    public long MaxBytes { get; }

    public long Bytes => Interlocked.Read(ref _bytes);

    public bool TryReserve(long bytes)
    {
        if (Interlocked.Add(ref _bytes, bytes) <= MaxBytes)
        {
            return true;
        }

        Interlocked.Add(ref _bytes, -bytes);
        return false;
    }

    public void Release(long bytes) => Interlocked.Add(ref _bytes, -bytes);
}
