using System.Security.Cryptography;
using System.Text;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Observer.Actors.Recording;
using Observer.Actors.Tests.Support;
using Observer.Contracts.Exchanges;

namespace Observer.Actors.Tests.Recording;

/// <summary>Recorders on a real SQLite journal: events and index rows land, credentials are redacted, retention shrinks the file.</summary>
public sealed class SessionRecordingSpecs : SqliteRecordingSpec
{
    private const string Key = "sk-spec-secret-3c1d";
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow.AddMinutes(-5);
    private readonly RecordingOptions _options = new() { MaxSizeBytes = 1024 * 1024 };

    public SessionRecordingSpecs(ITestOutputHelper output)
        : base("recording-specs", output)
    {
    }

    protected override RecordingOptions Options => _options;

    [Fact]
    public async Task SessionRecorded_EventsAndIndexRowPersisted_CredentialsRedacted()
    {
        var supervisor = ActorRegistry.Get<RecordingSupervisorKey>();
        var exchange = ExchangeFactory.Chat("conn-a", At, new ChatThread().User("hello"), ChatReply.Say("hi"), [("x-api-key", Key), ("X-Axom-Agent-Id", "agent-a")]);
        supervisor.Tell(new RecordingCommands.Opened(new ConnectionInfo(new ConnectionId("conn-a"), "127.0.0.1", 40001, 8888, At)));
        supervisor.Tell(new RecordingCommands.Exchange("agent-a", "acme", exchange));
        supervisor.Tell(new RecordingCommands.Closed("conn-a", At.AddSeconds(2)));

        var row = await WaitForRowAsync("conn-a", r => r.ClosedAt is not null);
        Assert.Equal(1, row.Exchanges);
        Assert.Equal(["agent-a"], row.Agents);
        Assert.Equal(["api.openai.com"], row.Destinations);
        Assert.Equal("127.0.0.1:40001", row.Client);

        var session = RecordedSession.From("conn-a", await Store.LoadEventsAsync("conn-a", CancellationToken.None));
        var recorded = Assert.Single(session.Exchanges);
        Assert.Equal(CredentialRedactor.Redacted, recorded.Exchange.RequestHeaders["x-api-key"]);
        Assert.Equal(exchange.RequestBody.ToArray(), recorded.Exchange.RequestBody.ToArray());
        Assert.Equal(At.AddSeconds(2), session.ClosedAt);
        Assert.False(File.ReadAllBytes(Journal.SqliteFile).AsSpan().IndexOf(Encoding.UTF8.GetBytes(Key)) >= 0
            || File.ReadAllBytes(Journal.SqliteFile + "-wal").AsSpan().IndexOf(Encoding.UTF8.GetBytes(Key)) >= 0);
    }

    [Fact]
    public async Task IndexRowLost_RepairRebuildsItFromTheJournal()
    {
        var supervisor = ActorRegistry.Get<RecordingSupervisorKey>();
        var thread = new ChatThread().User("hello");
        supervisor.Tell(new RecordingCommands.Exchange("agent-d", "acme", ExchangeFactory.Chat("conn-d", At, thread, ChatReply.Say("hi"))));
        supervisor.Tell(new RecordingCommands.Exchange("agent-d", "acme", ExchangeFactory.Chat("conn-d", At.AddSeconds(1), thread, ChatReply.Say("hi"), status: 500)));
        var original = await WaitForRowAsync("conn-d", r => r.Exchanges == 2);

        // As if the process died after the journal write and before the index update.
        await using (var connection = await Store.Database.OpenAsync(CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM axom_sessions WHERE session_id = 'conn-d'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.Equal(1, await Store.RepairIndexAsync(100, CancellationToken.None));
        var rebuilt = Assert.Single(await Store.ListAsync(new SessionFilter(Agent: "agent-d"), CancellationToken.None));
        Assert.Equal((original.StartedAt, original.LastAt, original.Client, original.Exchanges), (rebuilt.StartedAt, rebuilt.LastAt, rebuilt.Client, rebuilt.Exchanges));
        Assert.Equal(original.Agents, rebuilt.Agents);
        Assert.Equal(original.Destinations, rebuilt.Destinations);
        Assert.Equal(1, rebuilt.Errors);
        Assert.Equal(0, await Store.RepairIndexAsync(100, CancellationToken.None));
    }

    [Fact]
    public async Task SessionResumedAfterItsRecorderStopped_ContinuesTheSequenceAndTheIndexCounts()
    {
        var deps = new RecordingDependencies(new RecordingOptions { RecorderIdleTimeout = TimeSpan.FromMilliseconds(300) }, Store, Metrics, NullLogger.Instance);
        var supervisor = Sys.ActorOf(Props.Create(() => new RecordingSupervisorActor(deps)));
        var thread = new ChatThread().User("hello");
        supervisor.Tell(new RecordingCommands.Exchange("agent-e", "acme", ExchangeFactory.Chat("conn-e", At, thread, ChatReply.Say("hi"))));
        supervisor.Tell(new RecordingCommands.Exchange("agent-e", "acme", ExchangeFactory.Chat("conn-e", At.AddSeconds(1), thread, ChatReply.Say("hi"))));
        await WaitForRowAsync("conn-e", r => r.Exchanges == 2);
        await AwaitAssertAsync(async () => Assert.Equal(0, await supervisor.Ask<int>(new RecordingSupervisorActor.CountRecorders())), TimeSpan.FromSeconds(15));

        supervisor.Tell(new RecordingCommands.Exchange("agent-e", "acme", ExchangeFactory.Chat("conn-e", At.AddSeconds(2), thread, ChatReply.Say("hi"), status: 429)));
        supervisor.Tell(new RecordingCommands.Closed("conn-e", At.AddSeconds(3)));

        var row = await WaitForRowAsync("conn-e", r => r.ClosedAt is not null);
        Assert.Equal(3, row.Exchanges);
        Assert.Equal(1, row.Errors);
        Assert.Equal(3, RecordedSession.From("conn-e", await Store.LoadEventsAsync("conn-e", CancellationToken.None)).Exchanges.Count);
        Assert.Equal(0, Metrics.RecordingDropped.WithLabels("journal_failed").Value);
    }

    [Fact]
    public async Task RecordBodiesOff_OnlyMetadataPersisted()
    {
        var deps = new RecordingDependencies(new RecordingOptions { RecordBodies = false }, Store, Metrics, NullLogger.Instance);
        var supervisor = Sys.ActorOf(Props.Create(() => new RecordingSupervisorActor(deps)));
        supervisor.Tell(new RecordingCommands.Exchange("agent-b", "acme", ExchangeFactory.Chat("conn-b", At, new ChatThread().User("secret prompt"), ChatReply.Say("x"))));

        var row = await WaitForRowAsync("conn-b", r => r.Exchanges == 1);
        Assert.False(row.BodiesRecorded);
        var recorded = Assert.Single(RecordedSession.From("conn-b", await Store.LoadEventsAsync("conn-b", CancellationToken.None)).Exchanges);
        Assert.True(recorded.Exchange.RequestBody.IsEmpty);
        Assert.True(recorded.Exchange.ResponseBody.IsEmpty);
        Assert.True(recorded.Exchange.RequestBytes > 0);
    }

    [Fact]
    public async Task JournalBehind_EventsDroppedAndCounted_NothingHeld()
    {
        // A backlog bound smaller than any event: every event is refused at once, as when the journal lags.
        var deps = new RecordingDependencies(_options, Store, Metrics, NullLogger.Instance, maxBacklogBytes: 1);
        var supervisor = Sys.ActorOf(Props.Create(() => new RecordingSupervisorActor(deps)));
        for (var i = 0; i < 5; i++)
        {
            supervisor.Tell(new RecordingCommands.Exchange("agent-c", "acme", ExchangeFactory.Plain("conn-c", At.AddSeconds(i))));
        }

        await AwaitAssertAsync(() => Assert.Equal(5, Metrics.RecordingDropped.WithLabels("journal_behind").Value), TimeSpan.FromSeconds(15));
        Assert.Equal(0, deps.Backlog.Bytes);
        Assert.Empty(await Store.LoadEventsAsync("conn-c", CancellationToken.None));
    }

    [Fact]
    public async Task Retention_DeletesBySizeThenAge_AndTheDatabaseFileShrinks()
    {
        var supervisor = ActorRegistry.Get<RecordingSupervisorKey>();
        const int sessions = 24;
        for (var i = 0; i < sessions; i++)
        {
            var body = Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(96 * 1024)));
            var exchange = ExchangeFactory.Record($"conn-r{i}", At.AddSeconds(i), "api.example.com", "/upload", body, "{}"u8.ToArray(), "application/json", 200, 10, null);
            supervisor.Tell(new RecordingCommands.Exchange("agent-r", "acme", exchange));
        }

        var store = Store;
        await AwaitAssertAsync(async () => Assert.Equal(sessions, (await store.ListAsync(new SessionFilter(Agent: "agent-r"), CancellationToken.None)).Count), TimeSpan.FromSeconds(30));
        await store.Database.ReclaimSpaceAsync(truncateWal: true, CancellationToken.None);
        var before = new FileInfo(Journal.SqliteFile).Length;

        var retention = new RecordingRetention(store, _options);
        var bySize = await retention.EnforceAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.True(bySize.DeletedBySize > 0 && bySize.DeletedBySize < sessions, $"deleted {bySize.DeletedBySize}");
        Assert.True(bySize.BytesRemaining <= _options.MaxSizeBytes);
        var left = await store.ListAsync(new SessionFilter(Agent: "agent-r"), CancellationToken.None);
        Assert.Equal(sessions - bySize.DeletedBySize, left.Count);
        Assert.Contains(left, r => r.SessionId == $"conn-r{sessions - 1}"); // the newest survive
        Assert.Empty(await store.LoadEventsAsync("conn-r0", CancellationToken.None));

        var byAge = await retention.EnforceAsync(DateTimeOffset.UtcNow + _options.Retention + TimeSpan.FromHours(1), CancellationToken.None);
        Assert.Equal(left.Count, byAge.DeletedByAge);
        Assert.Empty(await store.ListAsync(new SessionFilter(Agent: "agent-r"), CancellationToken.None));
        var after = new FileInfo(Journal.SqliteFile).Length;
        Assert.True(after < before / 4, $"database file {before} -> {after} bytes");
    }

}
