using Akka.Actor;
using Observer.Actors.Sessions;
using Observer.Actors.Tests.Support;
using Observer.Contracts.Exchanges;

namespace Observer.Actors.Tests.Sessions;

public sealed class SessionLifecycleSpecs(ITestOutputHelper output) : ObserverActorsSpec(output)
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ConnectionOpenedExchangeClosed_SessionCreatedEmitsCallThenStops()
    {
        var supervisor = ActorRegistry.Get<SessionSupervisorKey>();
        var connection = ConnectionId.New();
        Sink.ConnectionOpened(new ConnectionInfo(connection, "127.0.0.1", 50123, 8080, At));
        await Eventually(async () => Assert.Equal(1, await supervisor.Ask<int>(new SessionCommands.CountSessions())), 10);

        var thread = new ChatThread("You are a helpful assistant.").User("Hello!");
        var exchange = ExchangeFactory.Chat(connection.Value, At, thread, ChatReply.Say("Hi there."));
        Sink.ExchangeCompleted(exchange);
        await Eventually(() => Assert.Single(Shipped.Calls), 10);

        var call = Shipped.Calls[0];
        Assert.Equal(exchange.ExchangeId, call.Id);
        Assert.Equal(connection.Value, call.SessionId);
        Assert.Equal("default-agent", call.AgentId);
        Assert.Equal("acme", call.CustomerId);
        Assert.NotNull(call.TaskId);

        Sink.ConnectionClosed(connection, At.AddSeconds(2));
        await Eventually(async () => Assert.Equal(0, await supervisor.Ask<int>(new SessionCommands.CountSessions())), 10);
    }

    [Fact]
    public async Task AgentAndCustomerHeaders_OverrideConfiguredIdsPerRequest()
    {
        var connection = ConnectionId.New();
        var thread = new ChatThread("You are a helpful assistant.").User("Hello!");
        Sink.ExchangeCompleted(ExchangeFactory.Chat(connection.Value, At, thread, ChatReply.Say("Hi."), [("X-Axom-Agent-Id", "agent-7"), ("X-Axom-Customer-Id", "globex")]));
        Sink.ExchangeCompleted(ExchangeFactory.Chat(connection.Value, At.AddSeconds(1), thread, ChatReply.Say("Hi.")));

        await Eventually(() => Assert.Equal(2, Shipped.Calls.Count), 10);
        var byAgent = Shipped.Calls.ToDictionary(c => c.AgentId);
        Assert.Equal("globex", byAgent["agent-7"].CustomerId);
        Assert.Equal("acme", byAgent["default-agent"].CustomerId);
    }

    [Fact]
    public async Task NonAiExchange_CountedAsNoneAndNoSignal()
    {
        var connection = ConnectionId.New();
        Sink.ExchangeCompleted(ExchangeFactory.Plain(connection.Value, At));
        var thread = new ChatThread().User("ping");
        Sink.ExchangeCompleted(ExchangeFactory.Chat(connection.Value, At.AddSeconds(1), thread, ChatReply.Say("pong")));

        await Eventually(() => Assert.Single(Shipped.Calls), 10);
        Assert.Equal(1, Metrics.RequestsObserved.WithLabels("none").Value);
        Assert.Equal(1, Metrics.RequestsObserved.WithLabels("openai").Value);
        Assert.Equal(1, Metrics.SignalsProduced.WithLabels("ai_call").Value);
    }
}
