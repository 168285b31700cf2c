using Observer.Contracts.Ids;
using Observer.Contracts.Signals;

namespace Observer.Bench.Shipping;

/// <summary>A realistic ai_call signal (~1 KB of JSON).</summary>
internal static class BenchSignals
{
    public static Signal Create() => new AiCallSignal
    {
        Id = SignalId.New(),
        CustomerId = "bench-customer",
        AgentId = "bench-agent",
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
}
