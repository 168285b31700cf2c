using Observer.Contracts.Ids;
using Observer.Contracts.Signals;

namespace Observer.Backend.Tests.Support;

/// <summary>Builds contract-valid signals for tests; callers override what a test is about.</summary>
public static class Signals
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static AiCallSignal Call(
        string provider = "openai",
        string? model = "gpt-4o-mini",
        double latencyMs = 100,
        double? ttftMs = null,
        int status = 200,
        string? taskId = null,
        string agent = "agent-1",
        DateTimeOffset? at = null,
        long? inputTokens = 10,
        long? outputTokens = 5,
        decimal? cost = 0.001m) => new()
    {
        Id = SignalId.New(),
        CustomerId = "customer-1",
        AgentId = agent,
        Timestamp = at ?? T0,
        SessionId = "session-1",
        TaskId = taskId,
        Provider = provider,
        ProviderName = provider,
        Category = "llm",
        Operation = "chat",
        Protocol = "https",
        HttpVersion = "1.1",
        Method = "POST",
        Host = "api.openai.com",
        Port = 443,
        Path = "/v1/chat/completions",
        Status = status,
        Source = new SourceEndpoint("127.0.0.1", 50000),
        Destination = new DestinationEndpoint("api.openai.com", "127.0.0.1", 443),
        LatencyMs = latencyMs,
        TtfbMs = latencyMs / 2,
        TtftMs = ttftMs,
        Stream = ttftMs is not null,
        Model = model,
        ResponseModel = model,
        Usage = new Usage { InputTokens = inputTokens, OutputTokens = outputTokens, TotalTokens = inputTokens + outputTokens },
        UsageSource = UsageSources.Reported,
        CostUsd = cost,
        FinishReason = status == 200 ? "stop" : "error",
        Error = status >= 400 ? new SignalError("rate_limit_exceeded", "slow down") : null,
    };

    public static TaskSignal Task(string id, IReadOnlyList<AiCallSignal> calls, string taskType = "general") => new()
    {
        Id = id,
        CustomerId = "customer-1",
        AgentId = calls.Count > 0 ? calls[0].AgentId : "agent-1",
        Timestamp = calls.Count > 0 ? calls.Min(c => c.Timestamp) : T0,
        TaskType = taskType,
        TaskTypeConfidence = 0.8,
        Correlation = "explicit",
        Status = "completed",
        Outcome = calls.Any(c => c.Status >= 400) ? "partial" : "success",
        StartedAt = calls.Count > 0 ? calls.Min(c => c.Timestamp) : T0,
        EndedAt = T0.AddSeconds(10),
        DurationMs = 10_000,
        CallCount = calls.Count,
        ErrorCount = calls.Count(c => c.Status >= 400),
        CallIds = calls.Select(c => c.Id).ToList(),
        Providers = calls.Select(c => c.Provider).Distinct().ToList(),
        Models = calls.Select(c => c.Model!).Distinct().ToList(),
        Usage = calls.Aggregate(Usage.Empty, (u, c) => u.Add(c.Usage)),
        CostUsd = calls.Sum(c => c.CostUsd ?? 0),
    };

    public static StringContent Batch(params Signal[] signals) => Json(SignalJson.SerializeBatch(signals));

    public static StringContent Json(byte[] body) =>
        new(System.Text.Encoding.UTF8.GetString(body), System.Text.Encoding.UTF8, "application/json");
}
