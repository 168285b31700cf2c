using System.Text.Json;
using Observer.Contracts.Signals;

namespace Observer.Contracts.Tests.Signals;

public sealed class SignalJsonTests
{
    private static readonly string[] AiCallFields =
    [
        "id", "kind", "schema_version", "customer_id", "agent_id", "timestamp", "session_id", "task_id", "provider",
        "provider_name", "category", "operation", "protocol", "http_version", "method", "host", "port", "path", "status",
        "source", "destination", "latency_ms", "ttfb_ms", "ttft_ms", "stream", "chunks", "request_bytes", "response_bytes",
        "model", "response_model", "usage", "usage_source", "cost_usd", "finish_reason", "error", "trace_id",
        "parent_span_id", "properties", "websocket",
    ];

    private static readonly string[] TaskFields =
    [
        "id", "kind", "schema_version", "customer_id", "agent_id", "timestamp", "task_type", "task_type_confidence",
        "correlation", "status", "outcome", "started_at", "ended_at", "duration_ms", "call_count", "error_count",
        "call_ids", "providers", "models", "usage", "cost_usd",
    ];

    private static readonly string[] UsageFields =
    [
        "input_tokens", "output_tokens", "total_tokens", "cache_read_input_tokens", "cache_creation_input_tokens",
        "reasoning_tokens", "audio_seconds", "characters",
    ];

    [Fact]
    public void AiCall_WritesExactlyTheContractFieldsWithNullsPresent()
    {
        using var json = JsonDocument.Parse(SignalJson.Serialize(SampleCall()));
        var root = json.RootElement;

        Assert.Equal(AiCallFields.Order(), root.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("ai_call", root.GetProperty("kind").GetString());
        Assert.Equal(1, root.GetProperty("schema_version").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("task_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ttft_ms").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("websocket").ValueKind);
        Assert.Equal(UsageFields.Order(), root.GetProperty("usage").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("usage").GetProperty("audio_seconds").ValueKind);
        Assert.Equal("10.0.0.5", root.GetProperty("source").GetProperty("ip").GetString());
        Assert.Equal("api.openai.com", root.GetProperty("destination").GetProperty("host").GetString());
        Assert.Equal("beta", root.GetProperty("properties").GetProperty("Experiment").GetString());
    }

    [Fact]
    public void Timestamp_IsRfc3339UtcWithMilliseconds()
    {
        var call = SampleCall() with { Timestamp = new DateTimeOffset(2026, 12, 4, 18, 30, 5, 123, TimeSpan.FromHours(2)).AddTicks(4567) };

        using var json = JsonDocument.Parse(SignalJson.Serialize(call));

        Assert.Equal("2026-12-04T16:30:05.123Z", json.RootElement.GetProperty("timestamp").GetString());
    }

    [Fact]
    public void Task_WritesExactlyTheContractFields()
    {
        using var json = JsonDocument.Parse(SignalJson.Serialize(SampleTask()));
        var root = json.RootElement;

        Assert.Equal(TaskFields.Order(), root.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("task", root.GetProperty("kind").GetString());
        Assert.Equal("2026-12-04T10:00:00.000Z", root.GetProperty("started_at").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("cost_usd").ValueKind);
    }

    [Fact]
    public void Batch_IsAJsonArrayThatRoundTrips()
    {
        Signal[] batch = [SampleCall(), SampleTask()];

        var bytes = SignalJson.SerializeBatch(batch);
        var back = JsonSerializer.Deserialize<List<Signal>>(bytes, SignalJson.Options)!;

        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(bytes).RootElement.ValueKind);
        var call = Assert.IsType<AiCallSignal>(back[0]);
        var task = Assert.IsType<TaskSignal>(back[1]);
        Assert.Equal(SampleCall().Usage, call.Usage);
        Assert.Equal(SampleCall().CostUsd, call.CostUsd);
        Assert.Equal(["c1", "c2"], task.CallIds);
        Assert.Equal(SampleTask().EndedAt, task.EndedAt);
    }

    [Fact]
    public void KindNotFirst_StillDeserializes()
    {
        var json = SignalJson.Serialize(SampleTask());
        var moved = "{" + json[1..].Replace("\"kind\":\"task\",", "", StringComparison.Ordinal).TrimEnd('}') + ",\"kind\":\"task\"}";

        Assert.IsType<TaskSignal>(SignalJson.Deserialize(moved));
    }

    [Fact]
    public void UsageAdd_SumsKnownFieldsAndKeepsUnknownNull()
    {
        var a = new Usage { InputTokens = 10, OutputTokens = 5, AudioSeconds = 1.5 };
        var b = new Usage { InputTokens = 3, ReasoningTokens = 2 };

        var sum = a.Add(b);

        Assert.Equal(13, sum.InputTokens);
        Assert.Equal(5, sum.OutputTokens);
        Assert.Equal(2, sum.ReasoningTokens);
        Assert.Equal(1.5, sum.AudioSeconds);
        Assert.Null(sum.Characters);
    }

    internal static AiCallSignal SampleCall() => new()
    {
        Id = "0190f5c2-1111-7000-8000-000000000001",
        CustomerId = "acme",
        AgentId = "agent-1",
        Timestamp = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero),
        SessionId = "s-1",
        Provider = "openai",
        ProviderName = "OpenAI",
        Category = "llm",
        Operation = "chat",
        Protocol = "https",
        HttpVersion = "1.1",
        Method = "POST",
        Host = "api.openai.com",
        Port = 443,
        Path = "/v1/chat/completions",
        Status = 200,
        Source = new SourceEndpoint("10.0.0.5", 51234),
        Destination = new DestinationEndpoint("api.openai.com", "127.0.0.1", 443),
        LatencyMs = 812.5,
        TtfbMs = 400.25,
        RequestBytes = 300,
        ResponseBytes = 900,
        Model = "gpt-4o-mini",
        ResponseModel = "gpt-4o-mini-2024-07-18",
        Usage = new Usage { InputTokens = 120, OutputTokens = 30, TotalTokens = 150, CacheReadInputTokens = 64 },
        UsageSource = UsageSources.Reported,
        CostUsd = 0.0000456m,
        FinishReason = "stop",
        Properties = new Dictionary<string, string> { ["Experiment"] = "beta" },
    };

    internal static TaskSignal SampleTask() => new()
    {
        Id = "0190f5c2-2222-7000-8000-000000000002",
        CustomerId = "acme",
        AgentId = "agent-1",
        Timestamp = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero),
        TaskType = "summarization",
        TaskTypeConfidence = 0.8,
        Correlation = "conversation",
        Status = "completed",
        Outcome = "success",
        StartedAt = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero),
        EndedAt = new DateTimeOffset(2026, 12, 4, 10, 0, 42, TimeSpan.Zero),
        DurationMs = 42000,
        CallCount = 2,
        CallIds = ["c1", "c2"],
        Providers = ["openai"],
        Models = ["gpt-4o-mini"],
        Usage = new Usage { InputTokens = 200 },
    };
}
