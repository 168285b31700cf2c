using System.Text.Json;
using Observer.Backend.Tests.Support;
using Observer.Contracts.Signals;

namespace Observer.Backend.Tests.Query;

public sealed class StatsTests : IAsyncLifetime
{
    private RunningBackend _backend = null!;

    public async Task InitializeAsync()
    {
        _backend = await RunningBackend.StartAsync();
        // openai/gpt-4o-mini: latencies 100, 200, 300, 400, 1000; TTFT 50, 80, 110 (two calls not streamed); one 500.
        var mini = new[]
        {
            Signals.Call(latencyMs: 300, ttftMs: 110, inputTokens: 10, outputTokens: 1, cost: 0.001m),
            Signals.Call(latencyMs: 100, ttftMs: 50, inputTokens: 20, outputTokens: 2, cost: 0.002m),
            Signals.Call(latencyMs: 1000, inputTokens: 30, outputTokens: 3, cost: 0.003m),
            Signals.Call(latencyMs: 200, ttftMs: 80, inputTokens: 40, outputTokens: 4, cost: 0.004m),
            Signals.Call(latencyMs: 400, status: 500, inputTokens: null, outputTokens: null, cost: null),
        };
        var claude = new[]
        {
            Signals.Call(provider: "anthropic", model: "claude-sonnet-4", latencyMs: 10, ttftMs: 5, inputTokens: 100, outputTokens: 50, cost: 0.5m),
            Signals.Call(provider: "anthropic", model: "claude-sonnet-4", latencyMs: 30, ttftMs: 9, inputTokens: 200, outputTokens: 60, cost: 0.25m),
        };
        var gpt4o = Signals.Call(model: "gpt-4o", latencyMs: 700, inputTokens: 1, outputTokens: 1, cost: 0.01m);
        var lateCall = Signals.Call(latencyMs: 99_999, at: Signals.T0.AddHours(2));
        var response = await _backend.Client.PostAsync("/api/v1/signals", Signals.Batch([.. mini, .. claude, gpt4o, lateCall]));
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task PerModelFigures_MatchHandComputedValues()
    {
        var stats = await Stats();

        var mini = Model(stats, "openai", "gpt-4o-mini");
        Assert.Equal(5, mini.GetProperty("calls").GetInt32());
        Assert.Equal(1, mini.GetProperty("errors").GetInt32());
        // sorted 100 200 300 400 1000: p50 = 300; p95 rank 3.8 → 400 + 0.8 × 600 = 880.
        Assert.Equal(300, mini.GetProperty("latency_p50_ms").GetDouble(), 6);
        Assert.Equal(880, mini.GetProperty("latency_p95_ms").GetDouble(), 6);
        Assert.Equal(80, mini.GetProperty("ttft_p50_ms").GetDouble(), 6);
        Assert.Equal(100, mini.GetProperty("input_tokens").GetInt64());
        Assert.Equal(10, mini.GetProperty("output_tokens").GetInt64());
        Assert.Equal(110, mini.GetProperty("total_tokens").GetInt64());
        Assert.Equal(0.010, mini.GetProperty("cost_usd").GetDouble(), 9);

        var claude = Model(stats, "anthropic", "claude-sonnet-4");
        // two values: p50 = midpoint 20; p95 rank 0.95 → 10 + 0.95 × 20 = 29; TTFT p50 = 7.
        Assert.Equal(20, claude.GetProperty("latency_p50_ms").GetDouble(), 6);
        Assert.Equal(29, claude.GetProperty("latency_p95_ms").GetDouble(), 6);
        Assert.Equal(7, claude.GetProperty("ttft_p50_ms").GetDouble(), 6);
        Assert.Equal(0.75, claude.GetProperty("cost_usd").GetDouble(), 9);
    }

    [Fact]
    public async Task PerProviderFigures_CombineTheirModels()
    {
        var stats = await Stats();

        var openai = stats.GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("provider").GetString() == "openai");
        Assert.Equal(6, openai.GetProperty("calls").GetInt32());
        // 100 200 300 400 700 1000: p50 rank 2.5 → 350; p95 rank 4.75 → 700 + 0.75 × 300 = 925.
        Assert.Equal(350, openai.GetProperty("latency_p50_ms").GetDouble(), 6);
        Assert.Equal(925, openai.GetProperty("latency_p95_ms").GetDouble(), 6);
        Assert.Equal(8, stats.GetProperty("totals").GetProperty("calls").GetInt32());
    }

    [Fact]
    public async Task OpenRange_IncludesLaterCalls()
    {
        var stats = JsonDocument.Parse(await _backend.Client.GetStringAsync("/api/v1/stats")).RootElement;

        Assert.Equal(9, stats.GetProperty("totals").GetProperty("calls").GetInt32());
    }

    [Fact]
    public async Task Series_BucketsCallsOverTheRange()
    {
        var url = "/api/v1/series?from=2026-03-01T12:00:00Z&to=2026-03-01T14:00:01Z&buckets=2";
        var series = JsonDocument.Parse(await _backend.Client.GetStringAsync(url)).RootElement;

        var points = series.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(2, points.Length);
        Assert.Equal(8, points[0].GetProperty("calls").GetInt32());
        Assert.Equal(1, points[1].GetProperty("calls").GetInt32());
        Assert.Equal(99_999, points[1].GetProperty("latency_p50_ms").GetDouble(), 6);
    }

    private async Task<JsonElement> Stats()
    {
        var url = $"/api/v1/stats?from={Signals.T0:O}&to={Signals.T0.AddHours(1):O}".Replace("+", "%2B", StringComparison.Ordinal);
        return JsonDocument.Parse(await _backend.Client.GetStringAsync(url)).RootElement;
    }

    private static JsonElement Model(JsonElement stats, string provider, string model) =>
        stats.GetProperty("models").EnumerateArray()
            .Single(m => m.GetProperty("provider").GetString() == provider && m.GetProperty("model").GetString() == model);
}
