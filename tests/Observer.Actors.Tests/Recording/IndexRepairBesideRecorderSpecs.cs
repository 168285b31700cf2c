using Akka.Actor;
using Microsoft.Extensions.Logging.Abstractions;
using Observer.Actors.Recording;
using Observer.Actors.Tests.Support;
using Observer.Contracts.Exchanges;
using Observer.Testing;

namespace Observer.Actors.Tests.Recording;

/// <summary>
/// The index repair (each <c>sessions list</c>, each retention pass) beside a live recorder on a real SQLite journal:
/// a repair that read the journal before the recorder indexed later events must not roll the row back.
/// </summary>
public sealed class IndexRepairBesideRecorderSpecs : SqliteRecordingSpec
{
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow.AddMinutes(-1);

    public IndexRepairBesideRecorderSpecs(ITestOutputHelper output)
        : base("index-repair-specs", output)
    {
    }

    [Fact]
    public async Task RepairReadTheJournalBeforeTheRecorderIndexedTheCall_RowKeepsTheCall()
    {
        var deps = new RecordingDependencies(new RecordingOptions(), Store, Metrics, NullLogger.Instance);
        var supervisor = Sys.ActorOf(Props.Create(() => new RecordingSupervisorActor(deps)));
        var repair = Store;
        supervisor.Tell(new RecordingCommands.Opened(new ConnectionInfo(new ConnectionId("conn-i"), "127.0.0.1", 40200, 8888, At)));

        // The repair runs between the recorder's first journal write and its index update, as a 'sessions list'
        // polled while a call is in flight does: it reads the journal as it is then (the session was only opened).
        await AwaitAssertAsync(async () => Assert.Single(await repair.LoadEventsAsync("conn-i", CancellationToken.None)), TimeSpan.FromSeconds(30));
        var readByRepair = await repair.SummarizeAsync("conn-i", CancellationToken.None);

        // Meanwhile the call completes: the recorder writes the exchange and the call, and indexes them.
        supervisor.Tell(new RecordingCommands.Exchange("agent-i", "acme", ExchangeFactory.Chat("conn-i", At, new ChatThread().User("hi"), ChatReply.Say("hello"))));
        supervisor.Tell(new RecordingCommands.Call("conn-i", SampleSignals.AiCall() with { SessionId = "conn-i" }));
        await WaitForRowAsync("conn-i", r => r.Exchanges == 1 && r.AiCalls == 1);

        // The repair's write lands last; nothing would write the row again before the session's next event.
        Assert.False(await repair.WriteForwardAsync(readByRepair, CancellationToken.None), "the repair replaced the recorder's row");
        var row = Assert.Single(await Store.ListAsync(new SessionFilter(Agent: "agent-i"), CancellationToken.None));
        Assert.Equal((1L, 1L), (row.Exchanges, row.AiCalls));
        Assert.Equal(["openai"], row.Providers);
    }

    [Fact]
    public async Task RowMissing_RepairInsertsIt_ThenTheRecordersNextWriteReplacesIt()
    {
        var deps = new RecordingDependencies(new RecordingOptions(), Store, Metrics, NullLogger.Instance);
        var supervisor = Sys.ActorOf(Props.Create(() => new RecordingSupervisorActor(deps)));
        var thread = new ChatThread().User("hi");
        supervisor.Tell(new RecordingCommands.Exchange("agent-j", "acme", ExchangeFactory.Chat("conn-j", At, thread, ChatReply.Say("hello"))));
        await WaitForRowAsync("conn-j", r => r.Exchanges == 1);
        await DeleteRowAsync("conn-j");

        Assert.Equal(1, await Store.RepairIndexAsync(100, CancellationToken.None));
        Assert.Equal(1, Assert.Single(await Store.ListAsync(new SessionFilter(Agent: "agent-j"), CancellationToken.None)).Exchanges);

        // The recorder is still the row's owner: its next write replaces what the repair inserted.
        supervisor.Tell(new RecordingCommands.Exchange("agent-j", "acme", ExchangeFactory.Chat("conn-j", At.AddSeconds(1), thread, ChatReply.Say("again"))));
        await WaitForRowAsync("conn-j", r => r.Exchanges == 2);
    }

    private async Task DeleteRowAsync(string sessionId)
    {
        await using var connection = await Store.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM axom_sessions WHERE session_id = '{sessionId}'";
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

}
