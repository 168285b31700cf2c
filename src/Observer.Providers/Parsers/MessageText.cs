using System.Text;
using System.Text.Json;

namespace Observer.Providers.Parsers;

/// <summary>Text of a message <c>content</c> in the shapes providers use: a string, or an array of parts with <c>text</c>.</summary>
internal static class MessageText
{
    /// <summary>Feeds each text part to the hasher and returns the joined text (for classification).</summary>
    public static string Hash(JsonElement content, ConversationHasher hasher)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                var text = content.GetString() ?? "";
                hasher.AddText(text);
                return text;
            case JsonValueKind.Array:
                StringBuilder? joined = null;
                string? single = null;
                foreach (var part in content.EnumerateArray())
                {
                    var partText = part.ValueKind == JsonValueKind.String ? part.GetString() : part.Str("text");
                    if (string.IsNullOrEmpty(partText))
                    {
                        continue;
                    }

                    hasher.AddText(partText);
                    if (single is null)
                    {
                        single = partText;
                    }
                    else
                    {
                        joined ??= new StringBuilder(single);
                        joined.Append('\n').Append(partText);
                    }
                }

                return joined?.ToString() ?? single ?? "";
            default:
                return "";
        }
    }

    /// <summary>The joined text of a content value without hashing.</summary>
    public static string Of(JsonElement content) => Hash(content, new ConversationHasher());
}
