using Observer.Contracts.Exchanges;
using Observer.Providers.Detection;

namespace Observer.Actors.Detection;

/// <summary>
/// What the detector entity needs from detection (implemented over Observer.Providers' <c>ExchangeDetector</c> by
/// <see cref="ExchangeCallDetector"/>). Implementations must be safe to call from several actors at once.
/// </summary>
public interface ICallDetector
{
    /// <summary>The call an exchange with an AI provider makes, or null for other traffic.</summary>
    DetectedCall? Detect(ExchangeRecord exchange, string customerId, string agentId, string sessionId, IWebSocketObservation? webSocket);

    /// <summary>Starts counting a WebSocket session's messages when its host and path belong to a provider, else null.</summary>
    IWebSocketObservation? BeginWebSocket(string host, int port, string path);
}

/// <summary>Accumulates one WebSocket session's messages (usage, counts) until its exchange record completes.</summary>
public interface IWebSocketObservation
{
    void Observe(WebSocketMessageObserved message);
}
