using Akka.Actor;
using Observer.Actors.Shipping;
using Observer.Contracts.Signals;

namespace Observer.Bench.Actors;

/// <summary>Stands in for the shipper: counts signals by kind and completes when the expected calls arrived.</summary>
internal sealed class CountingShipperActor : ReceiveActor
{
    public CountingShipperActor(ShippedCounter counter) =>
        Receive<ShipperProtocol.Ship>(ship =>
        {
            foreach (var signal in ship.Signals)
            {
                counter.Add(signal);
            }
        });
}

/// <summary>Signals seen by the counting shipper.</summary>
internal sealed class ShippedCounter
{
    private long _calls;
    private long _tasks;
    private long _target = long.MaxValue;
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Calls => Interlocked.Read(ref _calls);

    public long Tasks => Interlocked.Read(ref _tasks);

    public Task WaitForCallsAsync(long total)
    {
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _target, total);
        if (Calls >= total)
        {
            _done.TrySetResult();
        }

        return _done.Task;
    }

    public void Add(Signal signal)
    {
        if (signal is TaskSignal)
        {
            Interlocked.Increment(ref _tasks);
            return;
        }

        if (Interlocked.Increment(ref _calls) >= Interlocked.Read(ref _target))
        {
            _done.TrySetResult();
        }
    }
}
