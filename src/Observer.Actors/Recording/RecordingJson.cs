using System.Collections.Frozen;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Observer.Actors.Serialization;

namespace Observer.Actors.Recording;

/// <summary>
/// The persisted JSON form of <see cref="RecordingEvents"/> with stable manifests. Usable without an actor system,
/// so the <c>sessions</c> commands read the journal with the same code the recorder writes it with.
/// </summary>
public static class RecordingJson
{
    public const string SessionOpenedManifest = "axom.recording.session-opened.v1";
    public const string ExchangeRecordedManifest = "axom.recording.exchange-recorded.v1";
    public const string CallProducedManifest = "axom.recording.call-produced.v1";
    public const string SessionClosedManifest = "axom.recording.session-closed.v1";
    public const string TaskAssignedManifest = "axom.recording.task-assigned.v1";

    private static readonly FrozenDictionary<Type, string> Manifests = new Dictionary<Type, string>
    {
        [typeof(RecordingEvents.SessionOpened)] = SessionOpenedManifest,
        [typeof(RecordingEvents.ExchangeRecorded)] = ExchangeRecordedManifest,
        [typeof(RecordingEvents.CallProduced)] = CallProducedManifest,
        [typeof(RecordingEvents.SessionClosed)] = SessionClosedManifest,
        [typeof(RecordingEvents.TaskAssigned)] = TaskAssignedManifest,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Type> Types = Manifests.ToFrozenDictionary(kv => kv.Value, kv => kv.Key);

    public static IReadOnlyCollection<Type> EventTypes => Manifests.Keys;

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Manifest(object o) =>
        Manifests.TryGetValue(o.GetType(), out var manifest)
            ? manifest
            : throw new SerializationException($"{o.GetType()} is not a recording event");

    public static byte[] ToBinary(object o)
    {
        _ = Manifest(o);
        return JsonSerializer.SerializeToUtf8Bytes(o, o.GetType(), Options);
    }

    public static RecordingEvents.IRecordingEvent FromBinary(byte[] bytes, string manifest)
    {
        if (!Types.TryGetValue(manifest, out var type))
        {
            throw new SerializationException($"unknown recording manifest '{manifest}'");
        }

        return JsonSerializer.Deserialize(bytes, type, Options) as RecordingEvents.IRecordingEvent
            ?? throw new SerializationException($"'{manifest}' deserialized to null");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new ConnectionIdJsonConverter());
        options.Converters.Add(new HeaderListJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
