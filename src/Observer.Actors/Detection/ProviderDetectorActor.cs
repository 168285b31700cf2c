using Akka.Actor;
using Akka.Cluster.Sharding;
using Microsoft.Extensions.Logging;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Detection;

/// <summary>
/// The provider-detector entity of one agent (sharded by agent id). It keeps the agent's open WebSocket observations
/// (bounded) and hands each exchange to its worker child, which can crash and restart without losing them.
/// Passivates itself when idle with no WebSocket session open.
/// </summary>
public sealed class ProviderDetectorActor : ReceiveActor, IWithTimers
{
    public const int MaxOpenWebSockets = 256;

    private readonly string _agentId;
    private readonly ICallDetector _detector;
    private readonly ILogger _logger;
    private readonly Dictionary<string, IWebSocketObservation?> _webSockets = [];
    private readonly Queue<string> _webSocketOrder = new();
    private readonly IActorRef _worker;
    private readonly TimeSpan _idleTimeout;
    private long _lastActivity = Environment.TickCount64;

    public ProviderDetectorActor(string agentId, ICallDetector detector, IActorRef correlators, ObserverMetrics metrics, ILogger logger, TimeSpan idleTimeout)
    {
        _agentId = agentId;
        _detector = detector;
        _logger = logger;
        _worker = Context.ActorOf(Props.Create(() => new DetectionWorkerActor(detector, correlators, metrics, logger)), "worker");

        _idleTimeout = idleTimeout;
        Receive<DetectorCommands.DetectExchange>(command =>
        {
            _lastActivity = Environment.TickCount64;
            OnDetect(command);
        });
        Receive<DetectorCommands.ObserveWebSocket>(command =>
        {
            _lastActivity = Environment.TickCount64;
            OnWebSocket(command);
        });
        Receive<IdleCheck>(_ =>
        {
            if (_webSockets.Count == 0 && Environment.TickCount64 - _lastActivity >= (long)_idleTimeout.TotalMilliseconds)
            {
                Context.Parent.Tell(new Passivate(PoisonPill.Instance));
            }
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// Periodic idle check; a singleton timer message. A periodic check instead of a receive timeout, which would be
    /// re-armed on every exchange (measurable at tens of thousands of exchanges a second).
    /// </summary>
    public sealed class IdleCheck
    {
        public static readonly IdleCheck Instance = new();

        private IdleCheck()
        {
        }
    }

    protected override void PreStart() =>
        Timers.StartPeriodicTimer("idle", IdleCheck.Instance, TimeSpan.FromTicks(Math.Max(_idleTimeout.Ticks / 2, TimeSpan.TicksPerSecond)));

    /// <summary>A parser bug must cost one exchange, not the agent's entity: restart the worker, keep this actor.</summary>
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: -1, withinTimeRange: Timeout.InfiniteTimeSpan, _ => Directive.Restart);

    private void OnDetect(DetectorCommands.DetectExchange command)
    {
        var id = command.Exchange.ExchangeId;
        IWebSocketObservation? webSocket = null;
        if (_webSockets.Remove(id, out var observation))
        {
            webSocket = observation;
        }

        // The observation's ownership moves to the worker with the record; this actor no longer touches it.
        _worker.Tell(new DetectionWorkerActor.Work(command, webSocket, Sender));
    }

    private void OnWebSocket(DetectorCommands.ObserveWebSocket command)
    {
        var message = command.Message;
        if (!_webSockets.TryGetValue(message.ExchangeId, out var observation))
        {
            observation = _detector.BeginWebSocket(message.Host, command.Port, message.Path);
            _webSockets[message.ExchangeId] = observation;
            _webSocketOrder.Enqueue(message.ExchangeId);
            EvictOldest();
        }

        try
        {
            observation?.Observe(message);
        }
        catch (Exception ex)
        {
            // A counting bug loses this session's usage, not the entity: the record is still detected without it.
            DetectionLog.DetectionFailed(_logger, message.ExchangeId, message.Host, message.Path, ex);
            _webSockets[message.ExchangeId] = null;
        }
    }

    private void EvictOldest()
    {
        while (_webSockets.Count > MaxOpenWebSockets && _webSocketOrder.TryDequeue(out var oldest))
        {
            if (_webSockets.Remove(oldest))
            {
                DetectionLog.WebSocketEvicted(_logger, oldest, MaxOpenWebSockets, _agentId);
            }
        }

        // Ids of completed sessions linger in the order queue; trim it so it stays bounded too.
        if (_webSocketOrder.Count > MaxOpenWebSockets * 4)
        {
            var live = _webSocketOrder.Where(_webSockets.ContainsKey).ToList();
            _webSocketOrder.Clear();
            live.ForEach(_webSocketOrder.Enqueue);
        }
    }
}
