using System.Text.Json;

namespace Observer.Providers.Parsers;

/// <summary>Small tolerant accessors over <see cref="JsonElement"/>: a missing or mistyped value is null, never an exception.</summary>
internal static class JsonRead
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    /// <summary>Parses a complete JSON document, or returns null for empty, truncated or invalid input.</summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> utf8)
    {
        var span = utf8.Span.TrimStart(" \t\r\n"u8);
        if (span.Length == 0 || (span[0] != (byte)'{' && span[0] != (byte)'['))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool TryGet(this JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value))
        {
            return value.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined;
        }

        value = default;
        return false;
    }

    public static bool TryGetObject(this JsonElement element, string name, out JsonElement value) =>
        element.TryGet(name, out value) && value.ValueKind == JsonValueKind.Object;

    public static bool TryGetArray(this JsonElement element, string name, out JsonElement value) =>
        element.TryGet(name, out value) && value.ValueKind == JsonValueKind.Array;

    public static string? Str(this JsonElement element, string name) =>
        element.TryGet(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    public static long? Long(this JsonElement element, string name)
    {
        if (!element.TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number)
        {
            return v.TryGetInt64(out var l) ? l : v.TryGetDouble(out var d) ? (long)Math.Round(d) : null;
        }

        return v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null;
    }

    public static double? Double(this JsonElement element, string name)
    {
        if (!element.TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d))
        {
            return d;
        }

        return v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null;
    }

    public static decimal? Decimal(this JsonElement element, string name) =>
        element.TryGet(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) ? d : null;

    public static bool? Bool(this JsonElement element, string name) =>
        element.TryGet(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    /// <summary>Long at a path of property names.</summary>
    public static long? Long(this JsonElement element, string a, string b) =>
        element.TryGetObject(a, out var inner) ? inner.Long(b) : null;
}
