using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observer.Contracts.Signals;

/// <summary>
/// The one JSON shape of signals: snake_case names, every field written (null included, never omitted),
/// timestamps as RFC 3339 UTC with milliseconds, <c>kind</c> as the type discriminator.
/// </summary>
public static class SignalJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(Signal signal) => JsonSerializer.Serialize(signal, Options);

    public static byte[] SerializeToUtf8(Signal signal) => JsonSerializer.SerializeToUtf8Bytes(signal, Options);

    /// <summary>A batch as the backend receives it: a JSON array of signals.</summary>
    public static byte[] SerializeBatch(IReadOnlyList<Signal> signals) => JsonSerializer.SerializeToUtf8Bytes(signals, Options);

    public static Signal Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<Signal>(utf8, Options) ?? throw new JsonException("signal is null");

    public static Signal Deserialize(string json) =>
        JsonSerializer.Deserialize<Signal>(json, Options) ?? throw new JsonException("signal is null");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            AllowOutOfOrderMetadataProperties = true,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new Rfc3339MillisecondsConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
