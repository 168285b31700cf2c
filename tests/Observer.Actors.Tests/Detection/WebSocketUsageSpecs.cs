using Observer.Actors.Tests.Support;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;

namespace Observer.Actors.Tests.Detection;

public sealed class WebSocketUsageSpecs(ITestOutputHelper output) : ObserverActorsSpec(output)
{
    [Fact]
    public async Task RealtimeSessionMessagesThenUpgradeRecord_CallCarriesAccumulatedUsage()
    {
        var connection = ConnectionId.New();
        var exchangeId = Contracts.Ids.SignalId.New();
        var at = DateTimeOffset.UtcNow;
        string[] fromServer =
        [
            "{\"type\":\"session.created\",\"session\":{\"id\":\"sess_1\",\"model\":\"gpt-4o-realtime-preview\"}}",
            "{\"type\":\"response.audio.delta\",\"delta\":\"AAAA\"}",
            "{\"type\":\"response.done\",\"response\":{\"status\":\"completed\",\"usage\":{\"total_tokens\":300,\"input_tokens\":200,\"output_tokens\":100}}}",
            "{\"type\":\"response.done\",\"response\":{\"status\":\"completed\",\"usage\":{\"total_tokens\":150,\"input_tokens\":100,\"output_tokens\":50}}}",
        ];
        for (var i = 0; i < fromServer.Length; i++)
        {
            Sink.WebSocketMessage(new WebSocketMessageObserved(connection, exchangeId, "api.openai.com", "/v1/realtime", 100 * (i + 1), false, true, fromServer[i].Length, fromServer[i]));
        }

        var upgrade = ExchangeFactory.Record(connection.Value, at, "api.openai.com", "/v1/realtime", ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty, "application/octet-stream", 101, 5000, [("Upgrade", "websocket")], requestContentType: null, method: "GET")
            with { ExchangeId = exchangeId, Protocol = "wss", WebSocket = new WebSocketCounts(4, 1, 400, 50) };
        Sink.ExchangeCompleted(upgrade);

        await Eventually(() => Assert.Single(Shipped.Calls));
        var call = Shipped.Calls[0];
        Assert.Equal("realtime", call.Operation);
        Assert.Equal(450, call.Usage.TotalTokens);
        Assert.Equal(300, call.Usage.InputTokens);
        Assert.Equal(new WebSocketCounts(4, 1, 400, 50), call.Websocket);
        Assert.Equal(UsageSources.Reported, call.UsageSource);
    }
}
