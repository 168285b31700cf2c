namespace Observer.Actors.Sessions;

/// <summary>
/// Bounds the exchanges in flight between the hand-off pump and the detectors. The pump waits for a slot before it
/// tells a session; a session frees the slot when the detector reports the exchange processed (or when it stops).
/// A stalled detector therefore stops the pump, the hand-off queue fills, and the sink drops and counts instead of
/// letting actor mailboxes grow without bound.
/// </summary>
public sealed class HandoffBudget : IDisposable
{
    private readonly SemaphoreSlim _slots;

    public HandoffBudget(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _slots = new SemaphoreSlim(capacity, capacity);
    }

    public int Capacity { get; }

    public int InFlight => Capacity - _slots.CurrentCount;

    public Task WaitAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    public void Release(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            try
            {
                _slots.Release();
            }
            catch (SemaphoreFullException)
            {
                // A late report after the session already freed its slots on stop: nothing left to free.
                return;
            }
        }
    }

    public void Dispose() => _slots.Dispose();
}
