using System.Collections.Concurrent;
using Observer.Contracts.Exchanges;

namespace Observer.Proxy.Tests.Infrastructure;

/// <summary>An <see cref="IExchangeSink"/> that keeps everything it is handed, with awaitable look-ups.</summary>
public sealed class RecordingSink : IExchangeSink
{
    private readonly ConcurrentQueue<ExchangeRecord> _exchanges = new();
    private readonly ConcurrentQueue<WebSocketMessageObserved> _messages = new();
    private readonly ConcurrentQueue<ConnectionInfo> _opened = new();
    private readonly ConcurrentQueue<ConnectionId> _closed = new();

    public IReadOnlyCollection<ExchangeRecord> Exchanges => _exchanges;
    public IReadOnlyCollection<WebSocketMessageObserved> Messages => _messages;
    public IReadOnlyCollection<ConnectionInfo> Opened => _opened;
    public IReadOnlyCollection<ConnectionId> Closed => _closed;

    public void ConnectionOpened(ConnectionInfo connection) => _opened.Enqueue(connection);

    public void ExchangeCompleted(ExchangeRecord exchange) => _exchanges.Enqueue(exchange);

    public void WebSocketMessage(WebSocketMessageObserved message) => _messages.Enqueue(message);

    public void ConnectionClosed(ConnectionId connection, DateTimeOffset closedAt) => _closed.Enqueue(connection);

    public Task<ExchangeRecord> WaitForExchangeAsync(Func<ExchangeRecord, bool> match) =>
        Poll.UntilAsync(() => _exchanges.FirstOrDefault(match));

    public Task<IReadOnlyList<WebSocketMessageObserved>> WaitForMessagesAsync(Func<WebSocketMessageObserved, bool> match, int count) =>
        Poll.UntilAsync<IReadOnlyList<WebSocketMessageObserved>>(() =>
        {
            var found = _messages.Where(match).ToList();
            return found.Count >= count ? found : null;
        });
}
