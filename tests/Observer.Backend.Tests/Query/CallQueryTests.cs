using System.Net;
using System.Text.Json;
using Observer.Backend.Tests.Support;
using Observer.Contracts.Signals;

namespace Observer.Backend.Tests.Query;

public sealed class CallQueryTests : IAsyncLifetime
{
    private readonly AiCallSignal _openAiMini = Signals.Call(model: "gpt-4o-mini", at: Signals.T0, taskId: "task-a");
    private readonly AiCallSignal _openAi4o = Signals.Call(model: "gpt-4o", at: Signals.T0.AddMinutes(1), taskId: "task-a");
    private readonly AiCallSignal _anthropic = Signals.Call(provider: "anthropic", model: "claude-sonnet-4", at: Signals.T0.AddMinutes(2), agent: "agent-2");
    private readonly AiCallSignal _rateLimited = Signals.Call(status: 429, at: Signals.T0.AddMinutes(3), taskId: "task-b");
    private readonly AiCallSignal _noResponse = Signals.Call(status: 0, at: Signals.T0.AddMinutes(4));
    private RunningBackend _backend = null!;

    public async Task InitializeAsync()
    {
        _backend = await RunningBackend.StartAsync();
        var response = await _backend.Client.PostAsync("/api/v1/signals", Signals.Batch(
            _openAiMini, _openAi4o, _anthropic, _rateLimited, _noResponse,
            Signals.Task("task-a", [_openAiMini, _openAi4o], "summarization")));
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Theory]
    [InlineData("", 5)]
    [InlineData("?provider=openai", 4)]
    [InlineData("?provider=anthropic", 1)]
    [InlineData("?model=gpt-4o", 1)]
    [InlineData("?agent=agent-2", 1)]
    [InlineData("?task=task-a", 2)]
    [InlineData("?status=error", 2)]
    [InlineData("?status=ok", 3)]
    [InlineData("?status=429", 1)]
    [InlineData("?from=2026-03-01T12:01:00Z&to=2026-03-01T12:03:00Z", 2)]
    [InlineData("?provider=openai&status=ok&from=2026-03-01T12:00:30.000Z", 1)]
    public async Task Filter_ReturnsMatchingCallsOnly(string query, int expected)
    {
        var page = await Get("/api/v1/calls" + query);

        Assert.Equal(expected, page.GetProperty("total").GetInt64());
        Assert.Equal(expected, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Paging_ReturnsNewestFirstInSlices()
    {
        var first = await Get("/api/v1/calls?limit=2");
        var second = await Get("/api/v1/calls?limit=2&offset=2");
        var last = await Get("/api/v1/calls?limit=2&offset=4");

        string[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();
        Assert.Equal([_noResponse.Id, _rateLimited.Id], Ids(first));
        Assert.Equal([_anthropic.Id, _openAi4o.Id], Ids(second));
        Assert.Equal([_openAiMini.Id], Ids(last));
        Assert.Equal(5, last.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task TaskDetail_ReturnsTaskWithItsCallsInTimeOrder()
    {
        var detail = await Get("/api/v1/tasks/task-a");

        Assert.Equal("summarization", detail.GetProperty("task").GetProperty("task_type").GetString());
        var ids = detail.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();
        Assert.Equal([_openAiMini.Id, _openAi4o.Id], ids);
    }

    [Fact]
    public async Task OpenTask_ReturnsCallsWithNullTask()
    {
        var detail = await Get("/api/v1/tasks/task-b");

        Assert.Equal(JsonValueKind.Null, detail.GetProperty("task").ValueKind);
        Assert.Equal(1, detail.GetProperty("calls").GetArrayLength());
    }

    [Fact]
    public async Task UnknownTask_Returns404()
    {
        var response = await _backend.Client.GetAsync("/api/v1/tasks/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TaskList_FiltersByType()
    {
        Assert.Equal(1, (await Get("/api/v1/tasks?task_type=summarization")).GetProperty("total").GetInt64());
        Assert.Equal(0, (await Get("/api/v1/tasks?task_type=research")).GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("/api/v1/calls?from=yesterday", "from")]
    [InlineData("/api/v1/calls?limit=0", "limit")]
    [InlineData("/api/v1/calls?status=bad", "status")]
    [InlineData("/api/v1/stats?to=x", "to")]
    [InlineData("/api/v1/calls?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "from")]
    public async Task BadParameter_Returns400NamingIt(string url, string parameter)
    {
        var response = await _backend.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(parameter, body.GetProperty("field").GetString());
    }

    private async Task<JsonElement> Get(string url) => JsonDocument.Parse(await _backend.Client.GetStringAsync(url)).RootElement;
}
