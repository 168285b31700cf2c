using System.Collections.Immutable;
using Observer.Contracts.Signals;
using Observer.Providers.Detection;

namespace Observer.Actors.Tasks;

/// <summary>
/// A task still collecting calls: the aggregates its task signal needs and the bounded evidence later calls are
/// matched against. Nothing here is persisted; classification text stays in memory only while the task is open.
/// </summary>
public sealed record OpenTask
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required string AgentId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset LastEndAt { get; init; }

    /// <summary>The explicit task key (header value) this task was opened for, or null.</summary>
    public string? ExplicitKey { get; init; }

    public string? ExplicitType { get; init; }
    public string Correlation { get; init; } = TaskCorrelations.TimeWindow;
    public ImmutableList<string> CallIds { get; init; } = [];
    public int CallCount { get; init; }
    public int ErrorCount { get; init; }
    public bool LastCallFailed { get; init; }
    public string? LastFinishReason { get; init; }
    public string LastCategory { get; init; } = "";
    public ImmutableArray<string> FinishReasons { get; init; } = [];
    public ImmutableArray<string> Providers { get; init; } = [];
    public ImmutableArray<string> Models { get; init; } = [];
    public Usage Usage { get; init; } = Usage.Empty;
    public decimal? CostUsd { get; init; }
    public bool HasSpeechToText { get; init; }
    public bool HasTextToSpeech { get; init; }
    public bool HasRealtime { get; init; }

    /// <summary>Request and continuation hashes of the task's calls: a request whose prefix matches one continues it.</summary>
    public ImmutableArray<ulong> Fingerprints { get; init; } = [];

    /// <summary>One bit per fingerprint ever added (a superset once old ones are dropped): a cheap pre-filter.</summary>
    public ulong FingerprintMask { get; init; }

    /// <summary>First-message hashes of conversations started in this task.</summary>
    public ImmutableArray<ulong> RootHashes { get; init; } = [];

    public ImmutableArray<string> ToolCallIds { get; init; } = [];
    public ImmutableArray<string> ResponseIds { get; init; } = [];

    /// <summary>Connections of the task's WebSocket (realtime) calls.</summary>
    public ImmutableArray<string> WebSocketSessions { get; init; } = [];

    public string ClassificationText { get; init; } = "";

    /// <summary>A task with a speech or realtime stage: later voice-pipeline stages join it.</summary>
    public bool IsVoice => HasRealtime || HasSpeechToText || HasTextToSpeech;

    /// <summary>Speech in and speech out (or a realtime session): a voice conversation.</summary>
    public bool IsVoiceConversation => HasRealtime || (HasSpeechToText && HasTextToSpeech);

    public static OpenTask Open(string id, AiCallSignal call, CallFeatures features, string? explicitKey, string correlation, TaskCorrelationSettings settings)
    {
        var task = new OpenTask
        {
            Id = id,
            CustomerId = call.CustomerId,
            AgentId = call.AgentId,
            StartedAt = call.Timestamp,
            LastEndAt = call.Timestamp,
            ExplicitKey = explicitKey,
            Correlation = correlation,
            RootHashes = CallFacts.RootHash(features) is { } root ? [root] : [],
        };
        return task.Add(call, features, correlation, settings);
    }

    /// <summary>The task with one more call: aggregates summed, evidence appended within its bounds.</summary>
    public OpenTask Add(AiCallSignal call, CallFeatures features, string evidence, TaskCorrelationSettings settings)
    {
        var failed = CallFacts.Failed(call);
        var max = settings.MaxFingerprints;
        var fingerprints = Fingerprints;
        var mask = FingerprintMask;
        if (CallFacts.RequestHash(features) is { } request)
        {
            fingerprints = BoundedList.AppendDistinct(fingerprints, request, max);
            mask |= FingerprintBit(request);
        }

        if (features.ContinuationHash is { } continuation)
        {
            fingerprints = BoundedList.AppendDistinct(fingerprints, continuation, max);
            mask |= FingerprintBit(continuation);
        }

        var model = call.Model ?? call.ResponseModel;
        return this with
        {
            LastEndAt = Max(LastEndAt, CallFacts.EndedAt(call)),
            ExplicitType = ExplicitType ?? features.ExplicitTaskType,
            Correlation = TaskCorrelations.Strength(evidence) < TaskCorrelations.Strength(Correlation) ? evidence : Correlation,
            CallIds = CallIds.Count < settings.MaxCallIds ? CallIds.Add(call.Id) : CallIds,
            CallCount = CallCount + 1,
            ErrorCount = ErrorCount + (failed ? 1 : 0),
            LastCallFailed = failed,
            LastFinishReason = call.FinishReason,
            LastCategory = call.Category,
            FinishReasons = call.FinishReason is { } reason ? BoundedList.AppendDistinct(FinishReasons, reason, 16) : FinishReasons,
            Providers = BoundedList.AppendDistinct(Providers, call.Provider, 64),
            Models = model is null ? Models : BoundedList.AppendDistinct(Models, model, 64),
            Usage = Usage.Add(call.Usage),
            CostUsd = CostUsd is null && call.CostUsd is null ? null : (CostUsd ?? 0m) + (call.CostUsd ?? 0m),
            HasSpeechToText = HasSpeechToText || call.Category == CallFacts.SpeechToText,
            HasTextToSpeech = HasTextToSpeech || call.Category == CallFacts.TextToSpeech,
            HasRealtime = HasRealtime || call.Operation == CallFacts.Realtime,
            Fingerprints = fingerprints,
            FingerprintMask = mask,
            ToolCallIds = BoundedList.AppendDistinct(ToolCallIds, features.ToolCallIdsIssued, max),
            ResponseIds = features.ResponseId is { } response ? BoundedList.AppendDistinct(ResponseIds, response, max) : ResponseIds,
            WebSocketSessions = CallFacts.IsWebSocket(call) ? BoundedList.AppendDistinct(WebSocketSessions, call.SessionId, 16) : WebSocketSessions,
            ClassificationText = AppendText(ClassificationText, features.ClassificationText, settings.MaxClassificationChars),
        };
    }

    public OpenTask WithRoot(CallFeatures features, TaskCorrelationSettings settings) =>
        CallFacts.RootHash(features) is { } root ? this with { RootHashes = BoundedList.AppendDistinct(RootHashes, root, settings.MaxFingerprints) } : this;

    /// <summary>The mask bits of some hashes (bit = low six bits of the hash).</summary>
    public static ulong FingerprintBits(IReadOnlyList<ulong> hashes)
    {
        var bits = 0UL;
        for (var i = 0; i < hashes.Count; i++)
        {
            bits |= FingerprintBit(hashes[i]);
        }

        return bits;
    }

    private static ulong FingerprintBit(ulong hash) => 1UL << (int)(hash & 63);

    private static string AppendText(string current, string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text) || current.Length >= max || current.Contains(text, StringComparison.Ordinal))
        {
            return current;
        }

        var joined = current.Length == 0 ? text : current + "\n" + text;
        return joined.Length > max ? joined[..max] : joined;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
