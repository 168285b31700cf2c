using Observer.Contracts.Exchanges;

namespace Observer.Providers.Detection;

/// <summary>What the observer reads from request header fields: properties, trace context and explicit task headers.</summary>
internal static class RequestHeaders
{
    public const string PropertyPrefix = "X-Axom-Property-";
    public const int MaxProperties = 64;
    public const int MaxPropertyValueChars = 256;

    /// <summary>Session/task headers of the app itself and of other tools, in order of precedence.</summary>
    public static readonly string[] TaskIdHeaders =
        ["x-axom-task-id", "helicone-session-id", "x-portkey-trace-id", "agent-session-id", "x-litellm-session-id"];

    private static readonly Dictionary<string, string> EmptyProperties = [];

    /// <summary><c>X-Axom-Property-{Name}</c> fields; names lower-cased so HTTP/1.1 and HTTP/2 agree.</summary>
    public static IReadOnlyDictionary<string, string> Properties(HeaderList headers)
    {
        Dictionary<string, string>? properties = null;
        foreach (var (name, value) in headers.Fields)
        {
            if (name.Length > PropertyPrefix.Length && name.StartsWith(PropertyPrefix, StringComparison.OrdinalIgnoreCase))
            {
                properties ??= new Dictionary<string, string>(StringComparer.Ordinal);
                if (properties.Count < MaxProperties)
                {
                    properties.TryAdd(name[PropertyPrefix.Length..].ToLowerInvariant(), value.Length <= MaxPropertyValueChars ? value : value[..MaxPropertyValueChars]);
                }
            }
        }

        return properties ?? EmptyProperties;
    }

    /// <summary>Trace id and parent span id of a valid W3C <c>traceparent</c>, or nulls.</summary>
    public static (string? TraceId, string? ParentSpanId) TraceParent(HeaderList headers)
    {
        var value = headers["traceparent"]?.Trim();
        if (value is null || value.Length < 55)
        {
            return (null, null);
        }

        var parts = value.Split('-');
        if (parts.Length < 4 || parts[0].Length != 2 || parts[0] == "ff" || parts[1].Length != 32 || parts[2].Length != 16
            || !IsHex(parts[0]) || !IsHex(parts[1]) || !IsHex(parts[2]) || parts[1].All(c => c == '0') || parts[2].All(c => c == '0'))
        {
            return (null, null);
        }

        return (parts[1].ToLowerInvariant(), parts[2].ToLowerInvariant());
    }

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);
}
