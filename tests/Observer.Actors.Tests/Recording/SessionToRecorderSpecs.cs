using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Observer.Actors.Persistence;
using Observer.Actors.Recording;
using Observer.Actors.Shipping;
using Observer.Actors.Tests.Shipping;
using Observer.Actors.Tests.Support;
using Observer.Contracts.Exchanges;

namespace Observer.Actors.Tests.Recording;

/// <summary>
/// The real actor path — hand-off sink, session actor, sharded detector and correlator — with recording on a SQLite
/// journal: what was produced at the time (detection and task id) is recorded even when the connection closes at once.
/// </summary>
public sealed class SessionToRecorderSpecs(ITestOutputHelper output) : ObserverActorsSpec(output), IDisposable
{
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow.AddMinutes(-1);
    private readonly TempDir _dir = new();

    private JournalOptions Journal => new() { DataDir = _dir.Path };

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ConnectionClosedRightAfterTheCall_CallAndTaskIdOfTheTimeRecorded()
    {
        var connection = ConnectionId.New();
        var exchange = ExchangeFactory.Chat(connection.Value, At, new ChatThread("You are helpful.").User("Hello!"), ChatReply.Say("Hi."));
        Sink.ConnectionOpened(new ConnectionInfo(connection, "127.0.0.1", 41000, 8888, At));
        Sink.ExchangeCompleted(exchange);
        Sink.ConnectionClosed(connection, At.AddSeconds(1));

        await Eventually(() => Assert.Single(Shipped.Calls), 30);
        var store = new SessionStore(new JournalDatabase(Journal));
        await Eventually(async () =>
        {
            var session = RecordedSession.From(connection.Value, await store.LoadEventsAsync(connection.Value, CancellationToken.None));
            Assert.Single(session.Exchanges);
            Assert.Equal(At.AddSeconds(1), session.ClosedAt);
            var call = Assert.Single(session.CallsAtTheTime.Values);
            Assert.Equal("openai", call.Provider);
            Assert.Equal(Shipped.Calls[0].TaskId, call.TaskId);
        }, 30);
    }

    protected override void ConfigureServices(HostBuilderContext context, IServiceCollection services)
    {
        base.ConfigureServices(context, services);
        services.AddObserverShipping();
    }

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider)
    {
        base.ConfigureAkka(builder, provider);
        builder.AddObserverJournal(Journal).AddSessionRecording(new RecordingOptions(), Journal, provider.GetRequiredService<Observer.Contracts.Metrics.ObserverMetrics>());
    }
}
