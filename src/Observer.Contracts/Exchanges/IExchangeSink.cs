namespace Observer.Contracts.Exchanges;

/// <summary>
/// Where the proxy hands what it observed. Every method must return at once and never throw:
/// the proxy calls them on its forwarding path (fail-open; see ARCHITECTURE.md).
/// </summary>
public interface IExchangeSink
{
    void ConnectionOpened(ConnectionInfo connection);

    void ExchangeCompleted(ExchangeRecord exchange);

    void WebSocketMessage(WebSocketMessageObserved message);

    void ConnectionClosed(ConnectionId connection, DateTimeOffset closedAt);
}
