using System.Collections.Frozen;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;
using Observer.Actors.Detection;
using Observer.Actors.Tasks;

namespace Observer.Actors.Serialization;

/// <summary>
/// System.Text.Json serializer for every <see cref="IClusterMessage"/>, with stable string manifests: a renamed or
/// moved type keeps its manifest, and a node never falls back to Akka's Newtonsoft default.
/// </summary>
public sealed class ObserverMessageSerializer : SerializerWithStringManifest
{
    public const int SerializerId = 7201;
    public const string Name = "axom-actors-json";

    private static readonly FrozenDictionary<Type, string> Manifests = new Dictionary<Type, string>
    {
        [typeof(DetectorCommands.DetectExchange)] = "axom.actors.detect-exchange.v1",
        [typeof(DetectorCommands.ObserveWebSocket)] = "axom.actors.observe-websocket.v1",
        [typeof(DetectorEvents.ExchangeProcessed)] = "axom.actors.exchange-processed.v1",
        [typeof(TaskCorrelationCommands.CorrelateCall)] = "axom.actors.correlate-call.v1",
        [typeof(TaskCorrelationCommands.GetOpenTasks)] = "axom.actors.get-open-tasks.v1",
        [typeof(TaskCorrelationCommands.CloseAllTasks)] = "axom.actors.close-all-tasks.v1",
        [typeof(TaskCorrelationReplies.OpenTasks)] = "axom.actors.open-tasks.v1",
        [typeof(TaskCorrelationReplies.TasksClosed)] = "axom.actors.tasks-closed.v1",
        [typeof(TaskCorrelationReplies.CallCorrelated)] = "axom.actors.call-correlated.v1",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Type> Types = Manifests.ToFrozenDictionary(kv => kv.Value, kv => kv.Key);

    public ObserverMessageSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <summary>Every type this serializer writes (a round-trip test covers each).</summary>
    public static IReadOnlyCollection<Type> MessageTypes => Manifests.Keys;

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public override int Identifier => SerializerId;

    public override string Manifest(object o) =>
        Manifests.TryGetValue(o.GetType(), out var manifest)
            ? manifest
            : throw new SerializationException($"{o.GetType()} has no manifest in {nameof(ObserverMessageSerializer)}");

    public override byte[] ToBinary(object obj)
    {
        _ = Manifest(obj);
        return JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Options);
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!Types.TryGetValue(manifest, out var type))
        {
            throw new SerializationException($"unknown manifest '{manifest}' for {nameof(ObserverMessageSerializer)}");
        }

        return JsonSerializer.Deserialize(bytes, type, Options) ?? throw new SerializationException($"'{manifest}' deserialized to null");
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
        options.Converters.Add(new AiCallSignalJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
