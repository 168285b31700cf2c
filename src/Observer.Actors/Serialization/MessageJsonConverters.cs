using System.Text.Json;
using System.Text.Json.Serialization;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;

namespace Observer.Actors.Serialization;

/// <summary>A connection id as a plain JSON string.</summary>
internal sealed class ConnectionIdJsonConverter : JsonConverter<ConnectionId>
{
    public override ConnectionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("connection id is null"));

    public override void Write(Utf8JsonWriter writer, ConnectionId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

/// <summary>Header fields as an ordered array of <c>[name, value]</c> pairs (repeats and order preserved).</summary>
internal sealed class HeaderListJsonConverter : JsonConverter<HeaderList>
{
    public override HeaderList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var pairs = JsonSerializer.Deserialize<string[][]>(ref reader, options) ?? [];
        if (pairs.Length == 0)
        {
            return HeaderList.Empty;
        }

        var fields = new KeyValuePair<string, string>[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            fields[i] = pairs[i] is [var name, var value] ? new(name, value) : throw new JsonException("a header field must be [name, value]");
        }

        return new HeaderList(fields);
    }

    public override void Write(Utf8JsonWriter writer, HeaderList value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var field in value.Fields)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(field.Key);
            writer.WriteStringValue(field.Value);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}

/// <summary>The call signal inside a message in its contract shape (<see cref="SignalJson"/>), so it has one JSON form.</summary>
internal sealed class AiCallSignalJsonConverter : JsonConverter<AiCallSignal>
{
    public override AiCallSignal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<Signal>(ref reader, SignalJson.Options) as AiCallSignal
        ?? throw new JsonException("expected an ai_call signal");

    public override void Write(Utf8JsonWriter writer, AiCallSignal value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize<Signal>(writer, value, SignalJson.Options);
}
