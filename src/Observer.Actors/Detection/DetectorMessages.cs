using Observer.Actors.Cluster;
using Observer.Actors.Serialization;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;

namespace Observer.Actors.Detection;

/// <summary>Messages to the provider-detector entity of an agent.</summary>
public static class DetectorCommands
{
    /// <summary>Detect one completed exchange of a session; the detector answers the sender with <see cref="DetectorEvents.ExchangeProcessed"/>.</summary>
    /// <param name="AgentId">The agent (shard key and the signal's <c>agent_id</c>).</param>
    /// <param name="CustomerId">The signal's <c>customer_id</c>.</param>
    /// <param name="SessionId">The connection id (the signal's <c>session_id</c>).</param>
    /// <param name="Exchange">The proxy's record.</param>
    /// <param name="ReportCorrelation">Whether the session wants the correlator's task id back (only to record it).</param>
    public sealed record DetectExchange(string AgentId, string CustomerId, string SessionId, ExchangeRecord Exchange, bool ReportCorrelation = true) : IWithAgentId, IClusterMessage;

    /// <summary>One WebSocket message of a session still open; counted into that session's usage.</summary>
    public sealed record ObserveWebSocket(string AgentId, int Port, WebSocketMessageObserved Message) : IWithAgentId, IClusterMessage;
}

/// <summary>What the detector reports back to the session that sent an exchange.</summary>
public static class DetectorEvents
{
    /// <summary>The exchange left the detector (detected, not AI, or failed): its hand-off slot is free again.</summary>
    /// <param name="ExchangeId">The exchange.</param>
    /// <param name="Call">The call detected (before task correlation), for session recording; null when none.</param>
    public sealed record ExchangeProcessed(string ExchangeId, AiCallSignal? Call = null) : IClusterMessage;
}

/// <summary>Registry key of the provider-detector shard region.</summary>
public sealed class ProviderDetectorRegionKey;
