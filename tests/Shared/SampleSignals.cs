using Observer.Contracts.Ids;
using Observer.Contracts.Signals;

namespace Observer.Testing;

/// <summary>
/// Realistic signals (about 1 KB of JSON each) for the shipping tests, the shipping harness and the shipping
/// benchmark. One source file linked into each of those projects, so they all measure and test the same shape.
/// </summary>
internal static class SampleSignals
{
    public static AiCallSignal AiCall(string? id = null) => new()
    {
        Id = id ?? SignalId.New(),
        CustomerId = "customer-1",
        AgentId = "agent-1",
        Timestamp = DateTimeOffset.UtcNow,
        SessionId = "0195f3c2-7d1e-7a4b-9c1d-2f3e4a5b6c7d",
        TaskId = "0195f3c2-7d1e-7a4b-9c1d-2f3e4a5b6c7e",
        Provider = "openai",
        ProviderName = "OpenAI",
        Category = "llm",
        Operation = "chat",
        Protocol = "https",
        HttpVersion = "2",
        Method = "POST",
        Host = "api.openai.com",
        Port = 443,
        Path = "/v1/chat/completions",
        Status = 200,
        Source = new SourceEndpoint("10.1.2.3", 51234),
        Destination = new DestinationEndpoint("api.openai.com", "162.159.140.245", 443),
        LatencyMs = 812.25,
        TtfbMs = 301.5,
        TtftMs = 320.75,
        Stream = true,
        Chunks = 42,
        RequestBytes = 1900,
        ResponseBytes = 15000,
        Model = "gpt-4o-mini",
        ResponseModel = "gpt-4o-mini-2024-07-18",
        Usage = new Usage { InputTokens = 1200, OutputTokens = 480, TotalTokens = 1680, CacheReadInputTokens = 512 },
        UsageSource = UsageSources.Reported,
        CostUsd = 0.000468m,
        FinishReason = "stop",
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        ParentSpanId = "00f067aa0ba902b7",
        Properties = new Dictionary<string, string> { ["team"] = "growth", ["feature"] = "summaries" },
    };

    public static TaskSignal Task(string? id = null) => new()
    {
        Id = id ?? SignalId.New(),
        CustomerId = "customer-1",
        AgentId = "agent-1",
        Timestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
        TaskType = "customer_support",
        TaskTypeConfidence = 0.8,
        Correlation = "explicit",
        Status = "completed",
        Outcome = "success",
        StartedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
        EndedAt = new DateTimeOffset(2026, 1, 2, 3, 5, 5, 678, TimeSpan.Zero),
        DurationMs = 60000,
        CallCount = 2,
        CallIds = ["a", "b"],
        Providers = ["openai"],
        Models = ["gpt-4o-mini"],
        Usage = new Usage { InputTokens = 240 },
        CostUsd = 0.01m,
    };

    public static IReadOnlyList<Signal> Many(int count) => Enumerable.Range(0, count).Select(_ => (Signal)AiCall()).ToList();
}
