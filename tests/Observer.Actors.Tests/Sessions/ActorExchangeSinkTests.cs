using Observer.Actors.Sessions;
using Observer.Actors.Tests.Support;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Tests.Sessions;

public sealed class ActorExchangeSinkTests
{
    [Fact]
    public async Task ActorSystemNotAttached_QueueFillsThenDropsAreCounted()
    {
        var metrics = new ObserverMetrics();
        using var budget = new HandoffBudget(4);
        await using var sink = new ActorExchangeSink(4, budget, metrics);
        var connection = ConnectionId.New();
        var at = DateTimeOffset.UtcNow;

        sink.ConnectionOpened(new ConnectionInfo(connection, "127.0.0.1", 5000, 8080, at));
        for (var i = 0; i < 9; i++)
        {
            sink.ExchangeCompleted(ExchangeFactory.Plain(connection.Value, at));
        }

        sink.ConnectionClosed(connection, at);

        Assert.Equal(4, sink.Queued);
        Assert.Equal(7, metrics.HandoffOverflow.Value);
    }

    [Fact]
    public async Task DisposedTwice_SecondDisposeIsANoOp()
    {
        using var budget = new HandoffBudget(1);
        var sink = new ActorExchangeSink(1, budget, new ObserverMetrics());
        await sink.DisposeAsync();
        await sink.DisposeAsync();
        sink.ConnectionClosed(ConnectionId.New(), DateTimeOffset.UtcNow);
    }
}
