using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;
using Observer.Proxy.Hosting;

namespace Observer.Proxy.Observation;

/// <summary>
/// Observation of one upgraded WebSocket: counts per direction and each message handed to the sink as it
/// completes. Nothing but the current message's bounded text is kept.
/// </summary>
internal sealed class WebSocketSession
{
    private readonly ProxyRuntime _runtime;
    private readonly ExchangeObservation _exchange;
    private readonly ConnectionId _connection;
    private long _messagesIn;
    private long _messagesOut;
    private long _bytesIn;
    private long _bytesOut;

    public WebSocketSession(ProxyRuntime runtime, ExchangeObservation exchange, ConnectionId connection)
    {
        _runtime = runtime;
        _exchange = exchange;
        _connection = connection;
        var limit = Math.Max(0, runtime.Options.TapLimitBytes);
        FromClient = new WebSocketFrameObserver(limit, (text, length, payload, cut) => OnMessage(true, text, length, payload, cut));
        FromUpstream = new WebSocketFrameObserver(limit, (text, length, payload, cut) => OnMessage(false, text, length, payload, cut));
    }

    public WebSocketFrameObserver FromClient { get; }

    public WebSocketFrameObserver FromUpstream { get; }

    public bool Upgraded { get; set; }

    /// <summary>"In" is client → upstream, "out" is upstream → client.</summary>
    public WebSocketCounts Counts => new(Interlocked.Read(ref _messagesIn), Interlocked.Read(ref _messagesOut), Interlocked.Read(ref _bytesIn), Interlocked.Read(ref _bytesOut));

    private void OnMessage(bool fromClient, bool isText, long length, string? text, bool cut)
    {
        if (fromClient)
        {
            Interlocked.Increment(ref _messagesIn);
            Interlocked.Add(ref _bytesIn, length);
        }
        else
        {
            Interlocked.Increment(ref _messagesOut);
            Interlocked.Add(ref _bytesOut, length);
        }

        if (cut)
        {
            _runtime.Metrics.TapDegraded("websocket_text_limit");
        }

        _runtime.Sink.WebSocketMessage(new WebSocketMessageObserved(
            _connection, _exchange.ExchangeId, _exchange.Host, _exchange.Path, _exchange.ElapsedMs(), fromClient, isText, length, text));
    }
}
