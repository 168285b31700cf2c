using System.Data.Common;
using Akka.Actor;
using Microsoft.Extensions.Logging.Abstractions;
using Observer.Actors.Recording;
using Observer.Actors.Tests.Support;

namespace Observer.Actors.Tests.Recording;

/// <summary>
/// The recording supervisor's recorder lifecycle on a real SQLite journal: a recorder told to stop while its write is
/// still in flight is never run beside a second recorder of the same session (two writers of <c>session-{id}</c>).
/// </summary>
public sealed class RecordingSupervisorSpecs : SqliteRecordingSpec
{
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow.AddMinutes(-1);

    public RecordingSupervisorSpecs(ITestOutputHelper output)
        : base("recording-supervisor-specs", output)
    {
    }

    [Fact]
    public async Task EventArrivesWhileTheIdleRecorderStillWrites_WaitsForItToStop_OneWriterAndEveryEventRecorded()
    {
        var deps = new RecordingDependencies(new RecordingOptions(), Store, Metrics, NullLogger.Instance);
        var supervisor = Sys.ActorOf(Props.Create(() => new RecordingSupervisorActor(deps)), "recordings");
        var thread = new ChatThread().User("hi");
        supervisor.Tell(Exchange("conn-s", 0, thread));
        await WaitForRowAsync("conn-s", r => r.Exchanges == 1);
        var first = await Sys.ActorSelection(supervisor.Path / "conn-s-1").ResolveOne(TimeSpan.FromSeconds(5));

        await using (var writeLock = await HoldWriteLockAsync())
        {
            // The recorder takes the next exchange; its journal write waits for the lock.
            supervisor.Tell(Exchange("conn-s", 1, thread));
            await AwaitAssertAsync(() => Assert.True(deps.Backlog.Bytes > 0), TimeSpan.FromSeconds(10));

            // Its idle timeout fires just then (sent here as the recorder would), and the session's next exchange arrives.
            supervisor.Tell(new RecordingSupervisorActor.Idle("conn-s"), first);
            supervisor.Tell(Exchange("conn-s", 2, thread));
            Assert.Equal(1, await supervisor.Ask<int>(new RecordingSupervisorActor.CountRecorders(), TimeSpan.FromSeconds(5)));

            var second = await Sys.ActorSelection(supervisor.Path / "conn-s-2").Ask<ActorIdentity>(new Identify("conn-s-2"), TimeSpan.FromSeconds(5));
            Assert.True(second.Subject is null, "a second recorder of conn-s started while the first one still writes");
            await RollbackAsync(writeLock);
        }

        var row = await WaitForRowAsync("conn-s", r => r.Exchanges == 3);
        Assert.Equal(At.AddSeconds(2).ToUnixTimeMilliseconds(), row.LastAt.ToUnixTimeMilliseconds());
        var session = RecordedSession.From("conn-s", await Store.LoadEventsAsync("conn-s", CancellationToken.None));
        Assert.Equal([At, At.AddSeconds(1), At.AddSeconds(2)], session.Exchanges.Select(x => x.Exchange.StartedAt));
        Assert.Equal(0, Metrics.RecordingDropped.WithLabels("journal_failed").Value);
    }

    private static RecordingCommands.Exchange Exchange(string sessionId, int second, ChatThread thread) =>
        new("agent-s", "acme", ExchangeFactory.Chat(sessionId, At.AddSeconds(second), thread, ChatReply.Say($"reply {second}")));

    /// <summary>Takes SQLite's write lock, as a slow writer would: the journal's writes wait (busy timeout) until it is released.</summary>
    private async Task<DbConnection> HoldWriteLockAsync()
    {
        var connection = await Store.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task RollbackAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "ROLLBACK";
        await command.ExecuteNonQueryAsync();
    }

}
