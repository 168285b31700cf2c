using Observer.Actors.Persistence;
using Observer.Actors.Recording;
using Observer.Actors.Tests.Persistence;
using Observer.Actors.Tests.Shipping;
using Observer.Actors.Tests.Support;

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
        await using var node = await RecordingNode.StartAsync(journal, "recording-kinds");
        var sessionId = "kinds-" + Guid.NewGuid().ToString("N");
        var agent = "agent-" + Guid.NewGuid().ToString("N");
        node.RecordClosedSession(sessionId, agent, 40100);

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
        Assert.True(node.Metrics.RecordingPersisted.Value >= 3);
    }
}
