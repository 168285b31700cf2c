using System.Text.Json.Serialization;

namespace Observer.Contracts.Signals;

/// <summary>
/// One signal of contract version 1 (docs/signals.md). The concrete kinds are
/// <see cref="AiCallSignal"/> and <see cref="TaskSignal"/>; serialization goes through
/// <see cref="SignalJson"/>, which writes every field, null included.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", IgnoreUnrecognizedTypeDiscriminators = false)]
[JsonDerivedType(typeof(AiCallSignal), SignalKinds.AiCall)]
[JsonDerivedType(typeof(TaskSignal), SignalKinds.Task)]
public abstract record Signal
{
    public const int CurrentSchemaVersion = 1;

    public required string Id { get; init; }

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string CustomerId { get; init; }

    public required string AgentId { get; init; }

    /// <summary>Start of the call or task, RFC 3339 UTC with millisecond precision on the wire.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    [JsonIgnore]
    public abstract string Kind { get; }
}
