using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observer.Actors.Persistence;
using Observer.Actors.Recording;
using Observer.Actors.Shipping;
using Observer.Actors.Tests.Persistence;
using Observer.Actors.Tests.Shipping;
using Observer.Actors.Tests.Support;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Tests.Recording;

/// <summary>The recording SQL (index, read-back, sizes, delete) on both journal kinds, through a real observer node.</summary>
[Collection(RecordingSqlCollection.Name)]
public sealed class RecordingJournalKindsTests
{
    [Theory]
    [InlineData(JournalOptions.Sqlite)]
    [InlineData(JournalOptions.Postgres)]
    public async Task SessionRecorded_ListedLoadedSizedAndDeleted(string kind)
    {
        using var dir = new TempDir();
        var journal = await TestJournals.CreateAsync(kind, dir.Path);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddObserverShipping();
        var metrics = new ObserverMetrics();
        builder.Services.AddAkka("recording-kinds", akka => akka.AddObserverJournal(journal).AddSessionRecording(new RecordingOptions(), journal, metrics));
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var supervisor = await host.Services.GetRequiredService<ActorRegistry>().GetAsync<RecordingSupervisorKey>(TestContext.Current.CancellationToken);
            var sessionId = "kinds-" + Guid.NewGuid().ToString("N");
            var agent = "agent-" + Guid.NewGuid().ToString("N");
            var at = DateTimeOffset.UtcNow;
            supervisor.Tell(new RecordingCommands.Opened(new ConnectionInfo(new ConnectionId(sessionId), "127.0.0.1", 40100, 8888, at)));
            supervisor.Tell(new RecordingCommands.Exchange(agent, "acme", ExchangeFactory.Chat(sessionId, at, new ChatThread().User("hi"), ChatReply.Say("hello"))));
            supervisor.Tell(new RecordingCommands.Closed(sessionId, at.AddSeconds(1)));

            var store = new SessionStore(new JournalDatabase(journal));
            await Eventually.TrueAsync(
                async () => (await store.ListAsync(new SessionFilter(Agent: agent, Status: "closed"), CancellationToken.None)).Count == 1,
                TimeSpan.FromSeconds(60),
                () => $"session {sessionId} not indexed on {kind}");

            var session = RecordedSession.From(sessionId, await store.LoadEventsAsync(sessionId, CancellationToken.None));
            Assert.NotNull(session.Opened);
            Assert.Single(session.Exchanges);
            Assert.Contains(await store.SizesAsync(CancellationToken.None), s => s.SessionId == sessionId && s.Bytes > 1000);
            Assert.Equal(0, await store.RepairIndexAsync(10, CancellationToken.None));

            await store.DeleteAsync(sessionId, CancellationToken.None);
            Assert.Empty(await store.LoadEventsAsync(sessionId, CancellationToken.None));
            Assert.Empty(await store.ListAsync(new SessionFilter(Agent: agent), CancellationToken.None));
            Assert.True(metrics.RecordingPersisted.Value >= 3);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
