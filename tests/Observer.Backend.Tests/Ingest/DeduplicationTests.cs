using System.Net;
using System.Text.Json;
using Observer.Backend.Tests.Support;
using Observer.Contracts.Signals;

namespace Observer.Backend.Tests.Ingest;

public sealed class DeduplicationTests : IAsyncLifetime
{
    private RunningBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await RunningBackend.StartAsync();

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task SameBatchTwice_StoredOnceAndSecondResponseSaysNoneNew()
    {
        var calls = new[] { Signals.Call(), Signals.Call(), Signals.Call() };
        var body = SignalJson.SerializeBatch(calls);

        var first = await Post(body);
        var second = await Post(body);

        Assert.Equal((3, 3, 0), first);
        Assert.Equal((3, 0, 3), second);
        Assert.Equal(3, await CallCount());
    }

    [Fact]
    public async Task OverlappingBatch_CountsOnlyTheNewSignals()
    {
        var a = Signals.Call();
        var b = Signals.Call();
        var c = Signals.Call();
        await Post(SignalJson.SerializeBatch([a, b]));

        var result = await Post(SignalJson.SerializeBatch([b, c, c]));

        Assert.Equal((3, 1, 2), result);
        Assert.Equal(3, await CallCount());
    }

    [Fact]
    public async Task ConcurrentRetriesOfOneBatch_StoreEachSignalOnce()
    {
        var call = Signals.Call(taskId: "t-1");
        var task = Signals.Task("t-1", [call]);
        var body = SignalJson.SerializeBatch([call, task]);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Post(body)));

        Assert.Equal(2, results.Sum(r => r.New));
        Assert.Equal(1, await CallCount());
        var tasks = JsonDocument.Parse(await _backend.Client.GetStringAsync("/api/v1/tasks"));
        Assert.Equal(1, tasks.RootElement.GetProperty("total").GetInt64());
    }

    private async Task<long> CallCount()
    {
        var health = JsonDocument.Parse(await _backend.Client.GetStringAsync("/health"));
        return health.RootElement.GetProperty("calls").GetInt64();
    }

    private async Task<(int Received, int New, int Duplicates)> Post(byte[] body)
    {
        var response = await _backend.Client.PostAsync("/api/v1/signals", Signals.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (json.GetProperty("received").GetInt32(), json.GetProperty("new").GetInt32(), json.GetProperty("duplicates").GetInt32());
    }
}
