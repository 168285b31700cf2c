using System.Text.Json;

namespace Observer.Providers.Parsers;

/// <summary>Newline-delimited JSON bodies (Ollama and Cohere v1 streams): each complete line as a document.</summary>
internal static class NdJson
{
    public static bool Looks(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \r\n"u8);
        if (trimmed.Length == 0 || trimmed[0] != (byte)'{')
        {
            return false;
        }

        var newline = trimmed.IndexOf((byte)'\n');
        return newline > 0 && newline < trimmed.Length - 1 && trimmed[(newline + 1)..].TrimStart(" \r\n"u8).StartsWith("{"u8);
    }

    /// <summary>Calls <paramref name="onLine"/> for each line that parses; returns how many did.</summary>
    public static int ForEach(ReadOnlyMemory<byte> body, Action<JsonElement> onLine)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        var count = 0;
        var rest = body;
        while (rest.Length > 0)
        {
            var newline = rest.Span.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? ReadOnlyMemory<byte>.Empty : rest[(newline + 1)..];
            using var document = JsonRead.TryParse(line);
            if (document is not null)
            {
                count++;
                onLine(document.RootElement);
            }
        }

        return count;
    }
}
