using System.Text.Json.Serialization;

namespace Observer.Contracts.Signals;

/// <summary>A group of related calls, sent when the task closes (SIGNALS.md, <c>task</c>).</summary>
public sealed record TaskSignal : Signal
{
    /// <summary>The contract caps <c>call_ids</c> at this many entries.</summary>
    public const int MaxCallIds = 1000;

    [JsonIgnore]
    public override string Kind => SignalKinds.Task;

    public required string TaskType { get; init; }
    public double TaskTypeConfidence { get; init; }
    public required string Correlation { get; init; }
    public required string Status { get; init; }
    public required string Outcome { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
    public double DurationMs { get; init; }
    public int CallCount { get; init; }
    public int ErrorCount { get; init; }
    public IReadOnlyList<string> CallIds { get; init; } = [];
    public IReadOnlyList<string> Providers { get; init; } = [];
    public IReadOnlyList<string> Models { get; init; } = [];
    public Usage Usage { get; init; } = Usage.Empty;
    public decimal? CostUsd { get; init; }
}
