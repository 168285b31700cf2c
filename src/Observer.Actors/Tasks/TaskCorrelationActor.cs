using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Microsoft.Extensions.Logging;
using Observer.Actors.Shipping;
using Observer.Contracts.Metrics;
using Observer.Contracts.Signals;

namespace Observer.Actors.Tasks;

/// <summary>
/// The task-correlation entity of one agent (sharded by agent id): a thin shell around the pure
/// <see cref="TaskCorrelationState"/>. It stamps task ids on calls, closes idle tasks on a timer tick, and ships
/// every call and task signal to the node's shipper. Passivates when it has no open task and saw nothing for a while.
/// </summary>
public sealed class TaskCorrelationActor : ReceiveActor, IWithTimers
{
    private readonly string _agentId;
    private readonly TaskCorrelationSettings _settings;
    private readonly IReadOnlyActorRegistry _registry;
    private readonly ObserverMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _passivateAfter;
    private readonly TimeSpan _tickInterval;
    private TaskCorrelationState _state = TaskCorrelationState.Empty;
    private DateTimeOffset _lastMessageAt;

    public TaskCorrelationActor(
        string agentId, TaskCorrelationSettings settings, IReadOnlyActorRegistry registry, ObserverMetrics metrics,
        TimeProvider time, ILogger logger, TimeSpan tickInterval, TimeSpan passivateAfter)
    {
        _agentId = agentId;
        _settings = settings;
        _registry = registry;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _passivateAfter = passivateAfter;
        _lastMessageAt = time.GetUtcNow();

        Receive<TaskCorrelationCommands.CorrelateCall>(OnCall);
        Receive<Tick>(_ => OnTick());
        Receive<TaskCorrelationCommands.GetOpenTasks>(_ => Sender.Tell(Snapshot()));
        Receive<TaskCorrelationCommands.CloseAllTasks>(_ =>
        {
            var result = _state.CloseAll(_settings);
            _state = result.State;
            Ship(result.Signals());
            Sender.Tell(new TaskCorrelationReplies.TasksClosed(_agentId, result.ClosedTasks.Count));
        });
        _tickInterval = tickInterval;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Closes idle and over-long tasks; a singleton, as timer messages should be.</summary>
    public sealed class Tick
    {
        public static readonly Tick Instance = new();

        private Tick()
        {
        }
    }

    protected override void PreStart() => Timers.StartPeriodicTimer("tick", Tick.Instance, _tickInterval);

    /// <summary>A stopping entity (passivation, hand-off, shutdown) closes its open tasks rather than lose them.</summary>
    protected override void PostStop()
    {
        if (!_state.OpenTasks.IsEmpty)
        {
            Ship(_state.CloseAll(_settings).Signals());
            _state = TaskCorrelationState.Empty;
        }
    }

    private void OnCall(TaskCorrelationCommands.CorrelateCall command)
    {
        var now = _time.GetUtcNow();
        _lastMessageAt = now;
        try
        {
            var result = _state.Handle(command.Call, now, _settings);
            _state = result.State;
            Ship(result.Signals());
            if (command.ReportToSender && result.Call is { } call)
            {
                Sender.Tell(new TaskCorrelationReplies.CallCorrelated(call.SessionId, call.Id, call.TaskId));
            }
        }
        catch (Exception ex)
        {
            // The state is immutable: a throwing decision leaves the previous state intact. The call still ships.
            TaskCorrelationLog.CorrelationFailed(_logger, command.Call.Signal.Id, _agentId, ex);
            Ship([command.Call.Signal]);
        }
    }

    private void OnTick()
    {
        var now = _time.GetUtcNow();
        var result = _state.Tick(now, _settings);
        _state = result.State;
        Ship(result.Signals());
        if (_state.OpenTasks.IsEmpty && now - _lastMessageAt >= _passivateAfter)
        {
            Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        }
    }

    private void Ship(IReadOnlyList<Signal> signals)
    {
        if (signals.Count == 0)
        {
            return;
        }

        if (!_registry.TryGet<SignalShipperKey>(out var shipper))
        {
            _metrics.SignalsDropped.WithLabels("no_shipper").Inc(signals.Count);
            TaskCorrelationLog.NoShipper(_logger, signals.Count, _agentId);
            return;
        }

        shipper.Tell(new ShipperProtocol.Ship(signals));
        foreach (var signal in signals)
        {
            _metrics.SignalsProduced.WithLabels(signal.Kind).Inc();
        }
    }

    private TaskCorrelationReplies.OpenTasks Snapshot() => new(
        _agentId,
        Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString(),
        _state.OpenTasks.Select(t => new TaskCorrelationReplies.OpenTaskSummary(t.Id, t.Correlation, t.CallCount, [.. t.CallIds])).ToList());
}
