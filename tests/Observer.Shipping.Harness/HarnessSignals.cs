using Observer.Contracts.Signals;

/// <summary>Realistic ai_call signals with a given id.</summary>
internal static class HarnessSignals
{
    public static Signal Create(string id) => new AiCallSignal
    {
        Id = id,
        CustomerId = "harness-customer",
        AgentId = "harness-agent",
        Timestamp = DateTimeOffset.UtcNow,
        SessionId = "session-1",
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
        Source = new SourceEndpoint("127.0.0.1", 50000),
        Destination = new DestinationEndpoint("api.openai.com", "127.0.0.1", 443),
        LatencyMs = 812.5,
        Model = "gpt-4o-mini",
        Usage = new Usage { InputTokens = 120, OutputTokens = 48, TotalTokens = 168 },
        UsageSource = UsageSources.Reported,
        CostUsd = 0.0000468m,
    };
}
