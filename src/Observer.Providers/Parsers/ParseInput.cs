using Observer.Contracts.Exchanges;
using Observer.Providers.Catalog;

namespace Observer.Providers.Parsers;

/// <summary>One exchange as the parsers see it: the record, the catalog match, and bodies/events made readable.</summary>
internal sealed class ParseInput
{
    public ParseInput(ExchangeRecord exchange, CatalogMatch match)
    {
        Exchange = exchange;
        Match = match;
        RequestBody = BodyDecoder.Decode(exchange.RequestBody, exchange.RequestHeaders["content-encoding"]);
        ResponseBody = BodyDecoder.Decode(exchange.ResponseBody, exchange.ResponseHeaders["content-encoding"]);
        Events = exchange.SseEvents.Count > 0 || !LooksLikeSse(exchange, ResponseBody.Span)
            ? exchange.SseEvents
            : SseBodyReader.Read(ResponseBody.Span);
    }

    public ExchangeRecord Exchange { get; }

    public CatalogMatch Match { get; }

    public string Operation => Match.Operation;

    public ReadOnlyMemory<byte> RequestBody { get; }

    public ReadOnlyMemory<byte> ResponseBody { get; }

    /// <summary>SSE events with arrival times, or events read back from the body (their times are unknown: -1).</summary>
    public IReadOnlyList<SseEvent> Events { get; }

    public bool IsStreamResponse => Events.Count > 0;

    public string? ResponseContentType => Exchange.ResponseHeaders["content-type"];

    /// <summary>A query parameter's value (parsers only; the query never reaches a signal).</summary>
    public string? QueryValue(string name)
    {
        foreach (var part in Exchange.Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? part : part[..eq];
            if (string.Equals(Uri.UnescapeDataString(key), name, StringComparison.OrdinalIgnoreCase))
            {
                return eq < 0 ? "" : Uri.UnescapeDataString(part[(eq + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    private static bool LooksLikeSse(ExchangeRecord exchange, ReadOnlySpan<byte> body)
    {
        var type = exchange.ResponseHeaders["content-type"];
        if (type is not null && type.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var trimmed = body.TrimStart(" \r\n"u8);
        return trimmed.StartsWith("data:"u8) || trimmed.StartsWith("event:"u8);
    }
}
