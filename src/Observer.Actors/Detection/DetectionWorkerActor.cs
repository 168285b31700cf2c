using Akka.Actor;
using Microsoft.Extensions.Logging;
using Observer.Actors.Tasks;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Detection;

/// <summary>
/// Runs detection (catalog matching and body parsing) for its parent detector entity. It holds no state of its own:
/// when a parser throws, only this worker restarts; the entity's open WebSocket observations survive.
/// </summary>
public sealed class DetectionWorkerActor : ReceiveActor
{
    private readonly ICallDetector _detector;
    private readonly IActorRef _correlators;
    private readonly ObserverMetrics _metrics;
    private readonly ILogger _logger;

    public DetectionWorkerActor(ICallDetector detector, IActorRef correlators, ObserverMetrics metrics, ILogger logger)
    {
        _detector = detector;
        _correlators = correlators;
        _metrics = metrics;
        _logger = logger;
        Receive<Work>(OnWork);
    }

    /// <summary>An exchange to detect, with the WebSocket observation handed over by the entity, and who to report to.</summary>
    public sealed record Work(DetectorCommands.DetectExchange Command, IWebSocketObservation? WebSocket, IActorRef ReplyTo);

    private void OnWork(Work work)
    {
        var command = work.Command;
        var exchange = command.Exchange;
        Observer.Providers.Detection.DetectedCall? detected;
        try
        {
            detected = _detector.Detect(exchange, command.CustomerId, command.AgentId, command.SessionId, work.WebSocket);
            _metrics.RequestsObserved.WithLabels(detected?.Signal.Provider ?? "none").Inc();
            if (detected is not null)
            {
                // The session is the sender, so the correlator's CallCorrelated report reaches it when it records.
                _correlators.Tell(new TaskCorrelationCommands.CorrelateCall(detected, ReportToSender: command.ReportCorrelation), work.ReplyTo);
            }
        }
        catch (Exception ex)
        {
            DetectionLog.DetectionFailed(_logger, exchange.ExchangeId, exchange.Host, exchange.Path, ex);
            work.ReplyTo.Tell(new DetectorEvents.ExchangeProcessed(exchange.ExchangeId));
            throw;
        }

        work.ReplyTo.Tell(new DetectorEvents.ExchangeProcessed(exchange.ExchangeId, detected?.Signal));
    }
}
