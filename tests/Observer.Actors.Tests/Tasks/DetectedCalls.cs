using Observer.Contracts.Signals;
using Observer.Providers.Detection;

namespace Observer.Actors.Tests.Tasks;

/// <summary>Hand-made detected calls for focused state tests (the scenario corpus uses the real detector).</summary>
internal static class DetectedCalls
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static int _ids;

    public static DetectedCall Call(
        double atSeconds, CallFeatures? features = null, string category = "llm", string operation = "chat", int status = 200,
        string? finish = "stop", string agent = "agent-1", double latencyMs = 1000, string? model = "gpt-4o-mini", decimal? cost = 0.001m,
        string provider = "openai", string protocol = "https", string session = "conn-1") =>
        new(
            new AiCallSignal
            {
                Id = $"call-{Interlocked.Increment(ref _ids)}",
                CustomerId = "acme",
                AgentId = agent,
                Timestamp = T0.AddSeconds(atSeconds),
                SessionId = session,
                Provider = provider,
                ProviderName = provider,
                Category = category,
                Operation = operation,
                Protocol = protocol,
                HttpVersion = "1.1",
                Method = "POST",
                Host = "api.openai.com",
                Port = 443,
                Path = "/v1/chat/completions",
                Status = status,
                Source = new SourceEndpoint("127.0.0.1", 5000),
                Destination = new DestinationEndpoint("api.openai.com", null, 443),
                LatencyMs = latencyMs,
                Model = model,
                Usage = new Usage { InputTokens = 100, OutputTokens = 20, TotalTokens = 120 },
                CostUsd = cost,
                FinishReason = finish,
                Error = status >= 400 ? new SignalError("server_error", "boom") : null,
            },
            features ?? CallFeatures.None);

    public static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);
}
