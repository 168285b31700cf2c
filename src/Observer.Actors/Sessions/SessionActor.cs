using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Logging;
using Observer.Actors.Detection;
using Observer.Actors.Recording;
using Observer.Actors.Tasks;
using Observer.Contracts.Exchanges;

namespace Observer.Actors.Sessions;

/// <summary>
/// One intercepted client connection: receives its exchange records in order, assigns <c>session_id</c> (the
/// connection id), resolves agent and customer per request, and sends each exchange to the agent's detector.
/// Holds the connection's hand-off slots until the detector reports the exchanges processed.
/// </summary>
public sealed class SessionActor : ReceiveActor
{
    private const int DefaultWebSocketPort = 443;

    private readonly ConnectionId _connection;
    private readonly SessionSettings _settings;
    private readonly IActorRef _detectors;
    private readonly HandoffBudget _budget;
    private readonly ILogger _logger;
    private int _outstanding;
    private long _exchanges;
    private bool _closing;
    private string _stopReason = "passivated";
    private string? _lastAgent;
    private int _lastPort = DefaultWebSocketPort;
    private IActorRef? _recorder; // the node's session recording, when configured

    public SessionActor(ConnectionId connection, SessionSettings settings, IActorRef detectors, HandoffBudget budget, ILogger logger)
    {
        _connection = connection;
        _settings = settings;
        _detectors = detectors;
        _budget = budget;
        _logger = logger;

        Receive<SessionCommands.Open>(open => _recorder?.Tell(new RecordingCommands.Opened(open.Info)));
        Receive<SessionCommands.Exchange>(OnExchange);
        Receive<SessionCommands.WebSocket>(OnWebSocket);
        Receive<DetectorEvents.ExchangeProcessed>(processed =>
        {
            if (processed.Call is { } call)
            {
                _recorder?.Tell(new RecordingCommands.Call(_connection.Value, call));
            }

            OnProcessed();
        });
        Receive<TaskCorrelationReplies.CallCorrelated>(correlated => _recorder?.Tell(correlated));
        Receive<SessionCommands.Close>(close =>
        {
            _recorder?.Tell(new RecordingCommands.Closed(_connection.Value, close.ClosedAt));
            OnClose();
        });
        Receive<ReceiveTimeout>(_ => OnIdle());
    }

    /// <summary>Sent to the supervisor when the session saw nothing for its idle timeout.</summary>
    public sealed record Idle(ConnectionId Connection);

    protected override void PreStart()
    {
        Context.SetReceiveTimeout(_settings.IdleTimeout);
        _recorder = ActorRegistry.For(Context.System).TryGet<RecordingSupervisorKey>(out var recorder) ? recorder : null;
    }

    protected override void PostStop()
    {
        // Slots of exchanges the detector never reported (stopped node, crash) are freed, so the budget cannot leak.
        _budget.Release(_outstanding);
        _outstanding = 0;
        SessionLog.SessionStopped(_logger, _connection.Value, _exchanges, _stopReason);
    }

    private void OnExchange(SessionCommands.Exchange command)
    {
        var record = command.Record;
        var (agent, customer) = _settings.Identify(record.RequestHeaders);
        _lastAgent = agent;
        _lastPort = record.Port;
        _exchanges++;
        _outstanding++;
        _recorder?.Tell(new RecordingCommands.Exchange(agent, customer, record));
        _detectors.Tell(new DetectorCommands.DetectExchange(agent, customer, _connection.Value, record, ReportCorrelation: _recorder is not null), Self);
    }

    private void OnWebSocket(SessionCommands.WebSocket command) =>
        _detectors.Tell(new DetectorCommands.ObserveWebSocket(_lastAgent ?? _settings.DefaultAgentId, _lastPort, command.Message), Self);

    private void OnProcessed()
    {
        if (_outstanding > 0)
        {
            _outstanding--;
            _budget.Release();
        }

        if (_closing && _outstanding == 0)
        {
            Context.Stop(Self);
        }
    }

    private void OnClose()
    {
        _closing = true;
        _stopReason = "connection closed";
        if (_outstanding == 0)
        {
            Context.Stop(Self);
        }
    }

    private void OnIdle()
    {
        if (_closing)
        {
            // The detector never answered for the last exchanges: stop anyway; PostStop frees their slots.
            Context.Stop(Self);
            return;
        }

        Context.Parent.Tell(new Idle(_connection));
    }
}
