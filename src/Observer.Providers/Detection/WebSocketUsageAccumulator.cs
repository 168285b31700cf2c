using Observer.Contracts.Exchanges;
using Observer.Providers.Parsers;

namespace Observer.Providers.Detection;

/// <summary>
/// Sums the usage of one realtime WebSocket session as its messages pass: OpenAI Realtime <c>response.done</c>
/// usage, Deepgram live audio duration, ElevenLabs input characters. Keeps only sums, never messages.
/// Thread-safe; normally fed by the one session actor that owns the connection, then handed to
/// <see cref="ExchangeDetector.Detect"/> with the session's exchange record.
/// </summary>
public sealed class WebSocketUsageAccumulator
{
    private readonly Lock _gate = new();
    private readonly RealtimeUsage _usage;

    internal WebSocketUsageAccumulator(RealtimeKind kind) => _usage = new RealtimeUsage(kind);

    public void Observe(WebSocketMessageObserved message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            _usage.Observe(message);
        }
    }

    /// <summary>Copies the sums into a call being detected.</summary>
    internal void ApplyTo(ParsedCall call)
    {
        lock (_gate)
        {
            _usage.ApplyTo(call);
        }
    }
}
