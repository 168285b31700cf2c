using Akka.Actor;
using Observer.Actors.Hosting;
using Observer.Actors.Sessions;
using Observer.Actors.Tests.Support;
using Observer.Contracts.Exchanges;

namespace Observer.Actors.Tests.Sessions;

public sealed class SessionPassivationSpecs(ITestOutputHelper output) : ObserverActorsSpec(output)
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task IdleSession_PassivatesAndNextExchangeStartsNewSession()
    {
        var supervisor = ActorRegistry.Get<SessionSupervisorKey>();
        var connection = ConnectionId.New();
        Sink.ExchangeCompleted(ExchangeFactory.Plain(connection.Value, At));
        await Eventually(() => Assert.Equal(1, Metrics.RequestsObserved.WithLabels("none").Value));
        await Eventually(async () => Assert.Equal(0, await supervisor.Ask<int>(new SessionCommands.CountSessions())), 15);

        var thread = new ChatThread().User("still there?");
        Sink.ExchangeCompleted(ExchangeFactory.Chat(connection.Value, At.AddMinutes(1), thread, ChatReply.Say("yes")));
        await Eventually(() => Assert.Single(Shipped.Calls), 10);
        Assert.Equal(connection.Value, Shipped.Calls[0].SessionId);
    }

    protected override ObserverActorsOptions CreateOptions()
    {
        var options = base.CreateOptions();
        options.SessionIdleTimeout = TimeSpan.FromSeconds(1);
        return options;
    }
}
