using Akka.Actor;

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

    private readonly ShipperDependencies _deps;
    private IActorRef? _child;
    private TimeSpan _restartDelay = MinRestartDelay;
    private int _generation;

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
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ShipperDependencies deps) => Akka.Actor.Props.Create(() => new SignalShipper(deps));

    protected override void PreStart() => StartChild();

    // The child never restarts in place: a persistent actor that failed must recover from the journal again.
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    protected override void PostStop() => _deps.Sender.Dispose();

    private void StartChild()
    {
        _child = Context.ActorOf(SignalShipperActor.Props(_deps), $"journal-{++_generation}");
        Context.Watch(_child);
    }

    private void HandleShip(ShipperProtocol.Ship ship)
    {
        if (_child is not null)
        {
            _child.Forward(ship);
            return;
        }

        _deps.Metrics.SignalsDropped.WithLabels(DropReasons.JournalUnavailable).Inc(ship.Signals.Count);
        ShipperLog.RefusedWhileDown(_deps.Logger, ship.Signals.Count);
        if (ship.ReplyTo)
        {
            Sender.Tell(new ShipperProtocol.Accepted(0, ship.Signals.Count));
        }
    }
}
