using System.Text.Json.Serialization;

namespace Observer.Contracts.Signals;

/// <summary>One observed request/response exchange with an AI provider (SIGNALS.md, <c>ai_call</c>).</summary>
public sealed record AiCallSignal : Signal
{
    [JsonIgnore]
    public override string Kind => SignalKinds.AiCall;

    public required string SessionId { get; init; }
    public string? TaskId { get; init; }
    public required string Provider { get; init; }
    public required string ProviderName { get; init; }
    public required string Category { get; init; }
    public required string Operation { get; init; }
    public required string Protocol { get; init; }
    public required string HttpVersion { get; init; }
    public required string Method { get; init; }
    public required string Host { get; init; }
    public required int Port { get; init; }
    public required string Path { get; init; }
    public int Status { get; init; }
    public required SourceEndpoint Source { get; init; }
    public required DestinationEndpoint Destination { get; init; }
    public double LatencyMs { get; init; }
    public double? TtfbMs { get; init; }
    public double? TtftMs { get; init; }
    public bool Stream { get; init; }
    public int? Chunks { get; init; }
    public long RequestBytes { get; init; }
    public long ResponseBytes { get; init; }
    public string? Model { get; init; }
    public string? ResponseModel { get; init; }
    public Usage Usage { get; init; } = Usage.Empty;
    public string UsageSource { get; init; } = UsageSources.None;
    public decimal? CostUsd { get; init; }
    public string? FinishReason { get; init; }
    public SignalError? Error { get; init; }
    public string? TraceId { get; init; }
    public string? ParentSpanId { get; init; }
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    public WebSocketCounts? Websocket { get; init; }
}

/// <summary>Values of <c>usage_source</c>.</summary>
public static class UsageSources
{
    public const string Reported = "reported";
    public const string Estimated = "estimated";
    public const string None = "none";
}
