using Observer.Contracts.Exchanges;

namespace Observer.Actors.Recording;

/// <summary>
/// What a session recording persists under <c>session-{id}</c> (serialized by <see cref="RecordingSerializer"/>).
/// Credential headers are redacted before an event is created; bodies are absent when <c>--record-bodies=false</c>.
/// </summary>
public static class RecordingEvents
{
    public interface IRecordingEvent
    {
        string SessionId { get; }
    }

    /// <summary>The client connection was accepted.</summary>
    public sealed record SessionOpened(string SessionId, string ClientIp, int ClientPort, int ListenerPort, DateTimeOffset OpenedAt) : IRecordingEvent;

    /// <summary>One exchange as the proxy recorded it, with who it belonged to and whether its bodies were kept.</summary>
    public sealed record ExchangeRecorded(string SessionId, string AgentId, string CustomerId, bool BodiesRecorded, ExchangeRecord Exchange) : IRecordingEvent;

    /// <summary>The <c>ai_call</c> signal produced for an exchange at the time (detection, and task id when known).</summary>
    public sealed record CallProduced(string SessionId, RecordedCall Call) : IRecordingEvent;

    /// <summary>The task id task correlation stamped on a call at the time.</summary>
    public sealed record TaskAssigned(string SessionId, string ExchangeId, string? TaskId) : IRecordingEvent;

    /// <summary>The client connection closed.</summary>
    public sealed record SessionClosed(string SessionId, DateTimeOffset ClosedAt) : IRecordingEvent;
}
