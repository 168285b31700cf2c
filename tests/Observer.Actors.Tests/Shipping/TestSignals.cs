using Observer.Contracts.Ids;
using Observer.Contracts.Signals;

namespace Observer.Actors.Tests.Shipping;

/// <summary>Realistic signals for shipping tests.</summary>
public static class TestSignals
{
    public static AiCallSignal AiCall(string? id = null) => new()
    {
        Id = id ?? SignalId.New(),
        CustomerId = "customer-1",
        AgentId = "agent-1",
        Timestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
        SessionId = "session-1",
        TaskId = "task-1",
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
        Source = new SourceEndpoint("127.0.0.1", 51234),
        Destination = new DestinationEndpoint("api.openai.com", "127.0.0.1", 443),
        LatencyMs = 812.25,
        TtfbMs = 301.5,
        TtftMs = 320,
        Stream = true,
        Chunks = 42,
        RequestBytes = 900,
        ResponseBytes = 5000,
        Model = "gpt-4o-mini",
        ResponseModel = "gpt-4o-mini-2024-07-18",
        Usage = new Usage { InputTokens = 120, OutputTokens = 48, TotalTokens = 168 },
        UsageSource = UsageSources.Reported,
        CostUsd = 0.0000468m,
        FinishReason = "stop",
        Properties = new Dictionary<string, string> { ["team"] = "growth" },
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
