using Observer.Contracts.Signals;

namespace Observer.Backend.Ingest;

/// <summary>
/// The fields SIGNALS.md (version 1) requires per kind. Every listed field must be present — the contract writes
/// <c>null</c> instead of omitting — and unknown extra fields are accepted for forward compatibility.
/// </summary>
public static class SignalSchema
{
    public static IReadOnlyList<FieldSpec> Common { get; } =
    [
        new("customer_id", FieldKind.String),
        new("agent_id", FieldKind.String),
        new("timestamp", FieldKind.Timestamp),
    ];

    public static IReadOnlyList<FieldSpec> Usage { get; } =
    [
        new("input_tokens", FieldKind.NullableInteger),
        new("output_tokens", FieldKind.NullableInteger),
        new("total_tokens", FieldKind.NullableInteger),
        new("cache_read_input_tokens", FieldKind.NullableInteger),
        new("cache_creation_input_tokens", FieldKind.NullableInteger),
        new("reasoning_tokens", FieldKind.NullableInteger),
        new("audio_seconds", FieldKind.NullableNumber),
        new("characters", FieldKind.NullableInteger),
    ];

    public static IReadOnlyList<FieldSpec> AiCall { get; } =
    [
        new("session_id", FieldKind.String),
        new("task_id", FieldKind.NullableString),
        new("provider", FieldKind.String),
        new("provider_name", FieldKind.String),
        new("category", FieldKind.String),
        new("operation", FieldKind.String),
        new("protocol", FieldKind.String),
        new("http_version", FieldKind.String),
        new("method", FieldKind.String),
        new("host", FieldKind.String),
        new("port", FieldKind.Integer),
        new("path", FieldKind.String),
        new("status", FieldKind.Integer),
        new("source", FieldKind.Object, [new("ip", FieldKind.String), new("port", FieldKind.Integer)]),
        new("destination", FieldKind.Object,
            [new("host", FieldKind.String), new("ip", FieldKind.NullableString), new("port", FieldKind.Integer)]),
        new("latency_ms", FieldKind.Number),
        new("ttfb_ms", FieldKind.NullableNumber),
        new("ttft_ms", FieldKind.NullableNumber),
        new("stream", FieldKind.Boolean),
        new("chunks", FieldKind.NullableInteger),
        new("request_bytes", FieldKind.Integer),
        new("response_bytes", FieldKind.Integer),
        new("model", FieldKind.NullableString),
        new("response_model", FieldKind.NullableString),
        new("usage", FieldKind.Object, Usage),
        new("usage_source", FieldKind.String),
        new("cost_usd", FieldKind.NullableNumber),
        new("finish_reason", FieldKind.NullableString),
        new("error", FieldKind.NullableObject, [new("type", FieldKind.String), new("message", FieldKind.NullableString)]),
        new("trace_id", FieldKind.NullableString),
        new("parent_span_id", FieldKind.NullableString),
        new("properties", FieldKind.StringMap),
        new("websocket", FieldKind.NullableObject,
        [
            new("messages_in", FieldKind.Integer), new("messages_out", FieldKind.Integer),
            new("bytes_in", FieldKind.Integer), new("bytes_out", FieldKind.Integer),
        ]),
    ];

    public static IReadOnlyList<FieldSpec> Task { get; } =
    [
        new("task_type", FieldKind.String),
        new("task_type_confidence", FieldKind.Number),
        new("correlation", FieldKind.String),
        new("status", FieldKind.String),
        new("outcome", FieldKind.String),
        new("started_at", FieldKind.Timestamp),
        new("ended_at", FieldKind.Timestamp),
        new("duration_ms", FieldKind.Number),
        new("call_count", FieldKind.Integer),
        new("error_count", FieldKind.Integer),
        new("call_ids", FieldKind.StringArray),
        new("providers", FieldKind.StringArray),
        new("models", FieldKind.StringArray),
        new("usage", FieldKind.Object, Usage),
        new("cost_usd", FieldKind.NullableNumber),
    ];

    public static IReadOnlyList<FieldSpec>? ForKind(string kind) => kind switch
    {
        SignalKinds.AiCall => AiCall,
        SignalKinds.Task => Task,
        _ => null,
    };
}
