using Observer.Contracts.Signals;

namespace Observer.Contracts.Exchanges;

/// <summary>
/// The proxy's immutable, timed record of one request/response exchange (or one WebSocket session).
/// Headers are already redacted; bodies are the first bytes up to the tap limit, decompressed for parsing.
/// </summary>
public sealed record ExchangeRecord
{
    /// <summary>Unique and stable; an <c>ai_call</c> signal made from this record uses it as its id.</summary>
    public required string ExchangeId { get; init; }

    public required ConnectionId Connection { get; init; }

    /// <summary>0, 1, 2… in the order exchanges started on the connection (HTTP/2 streams may complete out of order).</summary>
    public required long Sequence { get; init; }

    public required string ClientIp { get; init; }
    public required int ClientPort { get; init; }

    /// <summary><c>http</c>, <c>https</c>, <c>ws</c> or <c>wss</c>.</summary>
    public required string Protocol { get; init; }

    /// <summary><c>1.1</c> or <c>2</c> (between client and proxy).</summary>
    public required string HttpVersion { get; init; }

    public required string Method { get; init; }

    /// <summary>The request's target host (the CONNECT authority inside a tunnel), lower case, no port.</summary>
    public required string Host { get; init; }

    public required int Port { get; init; }

    /// <summary>The path without the query string.</summary>
    public required string Path { get; init; }

    /// <summary>The query string without '?', key-bearing parameters redacted; for parsers only, never put in a signal.</summary>
    public string Query { get; init; } = "";

    /// <summary>The address actually connected to (after <c>--resolve</c>), when known.</summary>
    public string? DestinationIp { get; init; }

    public required int DestinationPort { get; init; }

    /// <summary>Request header fields as the client sent them (including <c>X-Axom-*</c> control headers), redacted.</summary>
    public HeaderList RequestHeaders { get; init; } = HeaderList.Empty;

    public HeaderList ResponseHeaders { get; init; } = HeaderList.Empty;

    /// <summary>Upstream status; 0 when no response arrived.</summary>
    public int Status { get; init; }

    /// <summary>Body bytes as on the wire (not decompressed).</summary>
    public long RequestBytes { get; init; }

    public long ResponseBytes { get; init; }

    /// <summary>When the first request byte arrived from the client.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Milliseconds from <see cref="StartedAt"/> to the first response byte, or null.</summary>
    public double? TtfbMs { get; init; }

    /// <summary>Milliseconds from <see cref="StartedAt"/> to the last response byte sent to the client.</summary>
    public double LatencyMs { get; init; }

    public bool ClientAborted { get; init; }

    /// <summary>The proxy's own error (type from <see cref="ProxyErrorTypes"/>), or null.</summary>
    public SignalError? Error { get; init; }

    /// <summary>First bytes of the request body, decompressed when the body was gzip/br/deflate.</summary>
    public ReadOnlyMemory<byte> RequestBody { get; init; }

    public bool RequestBodyTruncated { get; init; }

    public ReadOnlyMemory<byte> ResponseBody { get; init; }

    public bool ResponseBodyTruncated { get; init; }

    /// <summary>True for <c>text/event-stream</c> and other incrementally delivered responses.</summary>
    public bool Streamed { get; init; }

    /// <summary>Server-sent events in arrival order (bounded by the tap limit), with their arrival time.</summary>
    public IReadOnlyList<SseEvent> SseEvents { get; init; } = [];

    /// <summary>Count of SSE events or streamed chunks seen, including any beyond the tap limit.</summary>
    public int? Chunks { get; init; }

    /// <summary>For WebSocket sessions: message and byte counts in both directions.</summary>
    public WebSocketCounts? WebSocket { get; init; }
}
