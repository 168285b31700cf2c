using Akka.Actor;
using Akka.Event;

namespace Observer.Actors.Shipping;

/// <summary>
/// The actor producers talk to (registered under <see cref="SignalShipperKey"/>). It owns the persistent
/// <see cref="SignalShipperActor"/> and keeps a failing journal from becoming a crash loop: when the child stops
/// (a journal write or recovery failed) it is started again after a growing backoff, and signals arriving meanwhile
/// are refused and counted (<see cref="DropReasons.JournalUnavailable"/>) instead of piling up in memory.
/// </summary>
internal sealed class SignalShipper : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan MinRestartDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RefusalLogInterval = TimeSpan.FromSeconds(10);

    private readonly ShipperDependencies _deps;
    private IActorRef? _child;
    private TimeSpan _restartDelay = MinRestartDelay;
    private int _generation;
    private int _refusedSinceLog;
    private DateTime _lastRefusalLog = DateTime.MinValue;

    public SignalShipper(ShipperDependencies deps)
    {
        _deps = deps;
        Receive<ShipperProtocol.Ship>(HandleShip);
        Receive<FlushShipper>(flush =>
        {
            if (_child is null)
            {
                Sender.Tell(Flushed.Instance);
            }
            else
            {
                _child.Forward(flush);
            }
        });
        Receive<ShipperMessages.Recovered>(_ => _restartDelay = MinRestartDelay);
        Receive<Terminated>(t =>
        {
            if (!t.ActorRef.Equals(_child))
            {
                return;
            }

            _child = null;
            ShipperLog.Restarting(_deps.Logger, (long)_restartDelay.TotalMilliseconds);
            Timers.StartSingleTimer("restart", new ShipperMessages.RestartChild(), _restartDelay);
            _restartDelay = TimeSpan.FromTicks(Math.Min(_restartDelay.Ticks * 2, MaxRestartDelay.Ticks));
        });
        Receive<ShipperMessages.RestartChild>(_ => StartChild());

        // Signals still in the child's mailbox when it stops end up as dead letters: count and answer them too.
        Receive<DeadLetter>(letter =>
        {
            if (letter.Message is ShipperMessages.ShipStored lost)
            {
                Refuse(lost.Signals.Count, lost.ReplyTo, letter.Sender);
            }
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ShipperDependencies deps) => Akka.Actor.Props.Create(() => new SignalShipper(deps));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));
        StartChild();
    }

    // The child never restarts in place: a persistent actor that failed must recover from the journal again.
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        _deps.Sender.Dispose();
    }

    private void StartChild()
    {
        _child = Context.ActorOf(SignalShipperActor.Props(_deps), $"journal-{++_generation}");
        Context.Watch(_child);
    }

    private void HandleShip(ShipperProtocol.Ship ship)
    {
        if (_child is not null)
        {
            // Serializing here spreads the CPU work over two actors: this one encodes, the child writes.
            var stored = new StoredSignal[ship.Signals.Count];
            for (var i = 0; i < stored.Length; i++)
            {
                stored[i] = StoredSignal.From(ship.Signals[i]);
            }

            _child.Forward(new ShipperMessages.ShipStored(stored, ship.ReplyTo));
            return;
        }

        Refuse(ship.Signals.Count, ship.ReplyTo, Sender);
    }

    private void Refuse(int signals, bool reply, IActorRef sender)
    {
        _deps.Metrics.SignalsDropped.WithLabels(DropReasons.JournalUnavailable).Inc(signals);
        _refusedSinceLog += signals;
        var now = DateTime.UtcNow;
        if (now - _lastRefusalLog >= RefusalLogInterval)
        {
            // One line per interval with the running count, not one per message.
            ShipperLog.RefusedWhileDown(_deps.Logger, _refusedSinceLog);
            _refusedSinceLog = 0;
            _lastRefusalLog = now;
        }

        if (reply)
        {
            sender.Tell(new ShipperProtocol.Accepted(0, signals));
        }
    }
}
