using System.Text;
using Observer.Contracts.Exchanges;

namespace Observer.Providers.Tests.Support;

/// <summary>
/// Loads a wire capture file: a request line (<c>POST https://host[:port]/path?query</c>), header lines, a blank line,
/// the request body, a line <c>=== RESPONSE {status}</c>, response headers, a blank line and the response body.
/// Server-sent events in the body become <see cref="SseEvent"/>s arriving at 100 ms, 110 ms, 120 ms…
/// </summary>
internal static class Capture
{
    public const double FirstEventMs = 100;
    public const double EventSpacingMs = 10;

    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Captures", relative);

    public static ExchangeRecord Load(string relative) => Parse(File.ReadAllText(PathOf(relative)));

    public static ExchangeRecord Parse(string text)
    {
        text = text.ReplaceLineEndings("\n");
        var split = text.IndexOf("\n=== RESPONSE", StringComparison.Ordinal);
        var requestPart = split < 0 ? text : text[..split];
        var responsePart = split < 0 ? null : text[(split + 1)..];

        var (requestLine, requestHeaders, requestBody) = Split(requestPart);
        var parts = requestLine.Split(' ', 2);
        var uri = new Uri(parts[1]);
        var status = 0;
        var responseHeaders = new List<KeyValuePair<string, string>>();
        var responseBody = "";
        if (responsePart is not null)
        {
            var (statusLine, headers, body) = Split(responsePart);
            status = int.Parse(statusLine["=== RESPONSE".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            responseHeaders = headers;
            responseBody = body;
        }

        var isSse = responseHeaders.Any(h => h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("event-stream", StringComparison.Ordinal));
        var events = isSse ? Events(responseBody) : [];
        var requestBytes = Encoding.UTF8.GetBytes(requestBody);
        var responseBytes = Encoding.UTF8.GetBytes(responseBody);
        return new ExchangeRecord
        {
            ExchangeId = "ex-" + Guid.NewGuid().ToString("N")[..12],
            Connection = new ConnectionId("conn-1"),
            Sequence = 0,
            ClientIp = "127.0.0.1",
            ClientPort = 50000,
            Protocol = uri.Scheme,
            HttpVersion = "1.1",
            Method = parts[0],
            Host = uri.Host.ToLowerInvariant(),
            Port = uri.Port,
            Path = uri.AbsolutePath,
            Query = uri.Query.TrimStart('?'),
            DestinationIp = "127.0.0.1",
            DestinationPort = uri.Port,
            RequestHeaders = new HeaderList([.. requestHeaders]),
            ResponseHeaders = new HeaderList([.. responseHeaders]),
            Status = status,
            RequestBytes = requestBytes.Length,
            ResponseBytes = responseBytes.Length,
            StartedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
            TtfbMs = status == 0 ? null : 80,
            LatencyMs = isSse ? FirstEventMs + (events.Count * EventSpacingMs) : 250,
            RequestBody = requestBytes,
            ResponseBody = responseBytes,
            Streamed = isSse,
            SseEvents = events,
            Chunks = isSse ? events.Count : null,
        };
    }

    private static (string First, List<KeyValuePair<string, string>> Headers, string Body) Split(string part)
    {
        var lines = part.Split('\n');
        var headers = new List<KeyValuePair<string, string>>();
        var i = 1;
        for (; i < lines.Length && lines[i].Length > 0; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
        }

        var body = i + 1 < lines.Length ? string.Join('\n', lines[(i + 1)..]) : "";
        return (lines[0].Trim(), headers, body.TrimEnd('\n'));
    }

    private static List<SseEvent> Events(string body)
    {
        var events = new List<SseEvent>();
        foreach (var block in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? type = null;
            var data = new List<string>();
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    type = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Add(line[5..].TrimStart());
                }
            }

            if (data.Count > 0)
            {
                events.Add(new SseEvent(FirstEventMs + (events.Count * EventSpacingMs), type, string.Join('\n', data)));
            }
        }

        return events;
    }
}
