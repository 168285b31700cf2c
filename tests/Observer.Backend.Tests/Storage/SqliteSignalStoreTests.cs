using Observer.Backend.Storage;
using Observer.Backend.Tests.Support;
using Observer.Contracts.Signals;

namespace Observer.Backend.Tests.Storage;

public sealed class SqliteSignalStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("axom-store-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ReopenedDatabase_KeepsSignalsAndStillDeduplicates()
    {
        var path = Path.Combine(_folder, "nested", "signals.db");
        var call = Signals.Call(taskId: "t-1");
        var batch = Incoming(call, Signals.Task("t-1", [call]));
        await using (var first = new SqliteSignalStore(path))
        {
            await first.InitializeAsync(CancellationToken.None);
            Assert.Equal(2, (await first.StoreAsync(batch, CancellationToken.None)).Stored.Count);
        }

        await using var reopened = new SqliteSignalStore(path);
        await reopened.InitializeAsync(CancellationToken.None);
        var again = await reopened.StoreAsync(batch, CancellationToken.None);

        Assert.Empty(again.Stored);
        Assert.Equal(2, again.Duplicates);
        Assert.Equal(new StoreCounts(1, 1), await reopened.CountAsync(CancellationToken.None));
        var detail = await reopened.GetTaskAsync("t-1", CancellationToken.None);
        Assert.NotNull(detail?.TaskJson);
        Assert.Single(detail.CallsJson);
    }

    [Fact]
    public async Task TaskDetail_IncludesCallsListedByTheTaskEvenWithoutTaskIdOnTheCall()
    {
        await using var store = new SqliteSignalStore(Path.Combine(_folder, "signals.db"));
        await store.InitializeAsync(CancellationToken.None);
        var untagged = Signals.Call();
        var tagged = Signals.Call(taskId: "t-2", at: Signals.T0.AddSeconds(1));
        await store.StoreAsync(Incoming(untagged, tagged, Signals.Task("t-2", [untagged, tagged])), CancellationToken.None);

        var detail = await store.GetTaskAsync("t-2", CancellationToken.None);

        Assert.Equal(2, detail!.CallsJson.Count);
        Assert.Null(await store.GetTaskAsync("t-unknown", CancellationToken.None));
    }

    [Fact]
    public async Task Metrics_UseResponseModelWhenNoModelWasRequestedAndSumMissingTotals()
    {
        await using var store = new SqliteSignalStore(Path.Combine(_folder, "signals.db"));
        await store.InitializeAsync(CancellationToken.None);
        var call = Signals.Call(model: null, inputTokens: 7, outputTokens: 3) with
        {
            ResponseModel = "whisper-1",
            Usage = new Usage { InputTokens = 7, OutputTokens = 3 },
        };
        await store.StoreAsync(Incoming(call), CancellationToken.None);

        var metric = Assert.Single(await store.GetCallMetricsAsync(TimeRange.All, CancellationToken.None));

        Assert.Equal("whisper-1", metric.Model);
        Assert.Equal(10, metric.TotalTokens);
    }

    private static List<IncomingSignal> Incoming(params Signal[] signals) =>
        signals.Select(s => new IncomingSignal(s, SignalJson.Serialize(s))).ToList();
}
