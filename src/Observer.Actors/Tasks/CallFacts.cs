using Observer.Contracts.Signals;
using Observer.Providers.Detection;

namespace Observer.Actors.Tasks;

/// <summary>Derived facts about one call that grouping and outcome rules use.</summary>
internal static class CallFacts
{
    public const string SpeechToText = "speech_to_text";
    public const string TextToSpeech = "text_to_speech";
    public const string Llm = "llm";
    public const string Realtime = "realtime";

    /// <summary>A call failed when the provider or the proxy reported an error, or no success status came back.</summary>
    public static bool Failed(AiCallSignal call) => call.Error is not null || call.Status >= 400 || call.Status == 0;

    public static DateTimeOffset EndedAt(AiCallSignal call) => call.Timestamp + TimeSpan.FromMilliseconds(Math.Max(0, call.LatencyMs));

    public static bool IsWebSocket(AiCallSignal call) => call.Protocol is "ws" or "wss";

    public static bool IsVoiceStage(AiCallSignal call) => call.Category is SpeechToText or TextToSpeech || call.Operation == Realtime;

    /// <summary>
    /// The explicit task key: a task header (X-Axom-Task-Id or another tool's session header), else the W3C trace id —
    /// an application that propagates one trace through a unit of work names its task by it.
    /// </summary>
    public static string? ExplicitKey(CallFeatures features) =>
        features.ExplicitTaskId ?? (features.TraceId is { } trace ? "traceparent:" + trace : null);

    /// <summary>
    /// The signature of a conversation start: its first message's hash mixed with its message count, when the request
    /// carries the whole conversation (fewer than 64 prefixes). Two calls with the same signature started the same
    /// prompt template afresh; a sliding-window continuation of that template has more messages, so it differs.
    /// </summary>
    public static ulong? RootHash(CallFeatures features) =>
        features.PrefixHashes.Count is > 0 and < 64 ? features.PrefixHashes[0] ^ (0x9E3779B97F4A7C15UL * (ulong)features.PrefixHashes.Count) : null;

    /// <summary>The hash of the request's full message list: a retry of the same request carries it again.</summary>
    public static ulong? RequestHash(CallFeatures features) =>
        features.PrefixHashes.Count > 0 ? features.PrefixHashes[^1] : null;
}
