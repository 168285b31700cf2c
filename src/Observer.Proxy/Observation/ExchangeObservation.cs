using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Observer.Contracts.Exchanges;

namespace Observer.Proxy.Observation;

/// <summary>
/// Everything observed about one exchange while it is forwarded. Written by the forwarding path only
/// (one request = one logical flow), read once when the exchange completes.
/// </summary>
internal sealed class ExchangeObservation
{
    private readonly long _startTimestamp;
    private long _firstResponseByteAt;

    public ExchangeObservation(int tapLimit)
    {
        TapLimit = tapLimit;
        StartedAt = DateTimeOffset.UtcNow;
        _startTimestamp = Stopwatch.GetTimestamp();
        ExchangeId = Contracts.Ids.ExchangeId.New(StartedAt);
    }

    public int TapLimit { get; }
    public string ExchangeId { get; }
    public DateTimeOffset StartedAt { get; }

    public required string Protocol { get; set; }
    public required string HttpVersion { get; init; }
    public required string Method { get; init; }
    public required string Host { get; init; }
    public required int Port { get; init; }
    public required string Path { get; init; }
    public string Query { get; init; } = "";
    public string? DestinationIp { get; init; }
    public required int DestinationPort { get; init; }
    public required long Sequence { get; init; }

    public HeaderList RequestHeaders { get; set; } = HeaderList.Empty;
    public BodyTap? RequestBody { get; set; }
    public BodyTap? ResponseBody { get; private set; }
    public SseParser? Sse { get; private set; }
    public bool IsEventStream { get; private set; }
    public long? ResponseContentLength { get; private set; }
    public int ResponseWrites { get; set; }
    public WebSocketSession? WebSocket { get; set; }

    public double? TtfbMs => _firstResponseByteAt == 0 ? null : ElapsedMs(_firstResponseByteAt);

    public double ElapsedMs(long timestamp) => Stopwatch.GetElapsedTime(_startTimestamp, timestamp).TotalMilliseconds;

    public double ElapsedMs() => Stopwatch.GetElapsedTime(_startTimestamp).TotalMilliseconds;

    public void MarkFirstResponseByte(long now = 0)
    {
        if (_firstResponseByteAt == 0)
        {
            _firstResponseByteAt = now == 0 ? Stopwatch.GetTimestamp() : now;
        }
    }

    /// <summary>Called on the first response body write, when the forwarder has copied status and headers.</summary>
    public void InspectResponse(HttpResponse response)
    {
        ResponseContentLength = response.ContentLength;
        ResponseBody = new BodyTap(TapLimit, ResponseContentLength);
        var contentType = response.ContentType;
        IsEventStream = contentType is not null && contentType.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase);

        // Compressed event streams are decoded after the exchange; only identity streams are parsed in flight.
        if (IsEventStream && string.IsNullOrEmpty(response.Headers.ContentEncoding))
        {
            Sse = new SseParser(TapLimit);
        }
    }
}
