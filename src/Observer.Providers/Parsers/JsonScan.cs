using System.Text.Json;

namespace Observer.Providers.Parsers;

/// <summary>
/// Forward-only scans that work on truncated or half-valid JSON: they read top-level tokens until the data or the
/// syntax ends, so the model of a request cut off by the tap limit is still known.
/// </summary>
internal static class JsonScan
{
    /// <summary>Reads top-level string and boolean properties of the first object in <paramref name="utf8"/>.</summary>
    public static void TopLevel(ReadOnlySpan<byte> utf8, Action<string, string?, bool?> onProperty)
    {
        ArgumentNullException.ThrowIfNull(onProperty);
        var reader = new Utf8JsonReader(utf8, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return;
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    return;
                }

                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                var name = reader.GetString() ?? "";
                if (!reader.Read())
                {
                    return;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        onProperty(name, reader.GetString(), null);
                        break;
                    case JsonTokenType.True or JsonTokenType.False:
                        onProperty(name, null, reader.GetBoolean());
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (!reader.TrySkip())
                        {
                            return;
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Syntax ends here; what was read stands.
        }
    }

    /// <summary>The first top-level string property of that name, from possibly truncated JSON.</summary>
    public static string? TopLevelString(ReadOnlySpan<byte> utf8, string name)
    {
        string? found = null;
        TopLevel(utf8, (n, s, _) =>
        {
            if (found is null && s is not null && n == name)
            {
                found = s;
            }
        });
        return found;
    }
}
