using System.Text.Json.Nodes;

namespace Observer.DemoAI.Tests.Support;

/// <summary>One Server-Sent Event as a client parses it (event name defaults to <c>message</c>).</summary>
public sealed record SseEvent(string Event, string Data)
{
    public JsonNode Json => JsonNode.Parse(Data)!;
}

/// <summary>A small SSE parser following the WHATWG rules the providers' SDKs use (CRLF or LF line ends).</summary>
public static class Sse
{
    public static IReadOnlyList<SseEvent> Parse(string text)
    {
        var events = new List<SseEvent>();
        string? name = null;
        var data = new List<string>();
        foreach (var rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (rawLine.Length == 0)
            {
                if (data.Count > 0)
                {
                    events.Add(new SseEvent(name ?? "message", string.Join("\n", data)));
                }

                name = null;
                data.Clear();
                continue;
            }

            var colon = rawLine.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? rawLine : rawLine[..colon];
            var value = colon < 0 ? "" : rawLine[(colon + 1)..].TrimStart(' ');
            if (field == "event")
            {
                name = value;
            }
            else if (field == "data")
            {
                data.Add(value);
            }
        }

        return events;
    }

    public static async Task<(HttpResponseMessage Response, IReadOnlyList<SseEvent> Events)> PostAsync(HttpClient client, string url, JsonObject body)
    {
        var response = await client.PostAsync(url, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        return (response, Parse(await response.Content.ReadAsStringAsync()));
    }
}
