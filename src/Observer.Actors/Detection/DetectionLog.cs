using Microsoft.Extensions.Logging;

namespace Observer.Actors.Detection;

/// <summary>Log events of detection (event ids 5020–5039).</summary>
internal static partial class DetectionLog
{
    [LoggerMessage(EventId = 5020, Level = LogLevel.Error, Message = "Detection of exchange {ExchangeId} ({Host}{Path}) failed; the worker restarts, the agent's other state is kept")]
    public static partial void DetectionFailed(ILogger logger, string exchangeId, string host, string path, Exception exception);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Debug, Message = "WebSocket observation of {ExchangeId} evicted: more than {Max} open sessions for agent {AgentId}")]
    public static partial void WebSocketEvicted(ILogger logger, string exchangeId, int max, string agentId);
}
