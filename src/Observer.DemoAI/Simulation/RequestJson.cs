using System.Text.Json;
using System.Text.Json.Nodes;

namespace Observer.DemoAI.Simulation;

/// <summary>Reads provider request bodies loosely, as the providers do: unknown fields are ignored.</summary>
public static class RequestJson
{
    public static async Task<JsonObject?> ReadAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool Bool(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    public static int? Int(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    /// <summary>Text of a message content: a string, or an array of parts with <c>text</c>.</summary>
    public static string Text(JsonNode? content) => content switch
    {
        JsonValue => String(content) ?? "",
        JsonArray parts => string.Join("\n", parts.Select(p => String(p?["text"])).Where(t => t is not null)),
        _ => "",
    };

    public static long UnixNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
