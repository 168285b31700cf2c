using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;
using Observer.Providers.Catalog;
using Observer.Providers.Parsers;
using Observer.Providers.Pricing;

namespace Observer.Providers.Detection;

/// <summary>Assembles the <c>ai_call</c> signal: record facts, parsed facts, cost. Never copies a body, query or credential.</summary>
internal static class CallSignalFactory
{
    public static AiCallSignal Create(
        ExchangeRecord exchange,
        DetectionContext context,
        CatalogMatch match,
        ParsedCall call,
        PriceTable prices,
        bool succeeded,
        bool sseStream,
        string? traceId,
        string? parentSpanId)
    {
        var usage = new Usage
        {
            InputTokens = Count(call.InputTokens),
            OutputTokens = Count(call.OutputTokens),
            TotalTokens = Count(call.TotalTokens ?? (call.InputTokens is null && call.OutputTokens is null ? null : (call.InputTokens ?? 0) + (call.OutputTokens ?? 0))),
            CacheReadInputTokens = Count(call.CacheReadInputTokens),
            CacheCreationInputTokens = Count(call.CacheCreationInputTokens),
            ReasoningTokens = Count(call.ReasoningTokens),
            AudioSeconds = call.AudioSeconds is { } seconds && double.IsFinite(seconds) && seconds >= 0 ? seconds : null,
            Characters = Count(call.Characters),
        };
        var stream = exchange.Streamed || sseStream || call.Streamed || exchange.WebSocket is not null;
        return new AiCallSignal
        {
            Id = exchange.ExchangeId,
            CustomerId = context.CustomerId,
            AgentId = context.AgentId,
            Timestamp = exchange.StartedAt,
            SessionId = context.SessionId,
            TaskId = null,
            Provider = match.Provider.Slug,
            ProviderName = match.Provider.DisplayName,
            Category = match.Provider.Category,
            Operation = match.Operation,
            Protocol = exchange.Protocol,
            HttpVersion = exchange.HttpVersion,
            Method = exchange.Method,
            Host = exchange.Host,
            Port = exchange.Port,
            Path = StripQuery(exchange.Path),
            Status = exchange.Status,
            Source = new SourceEndpoint(exchange.ClientIp, exchange.ClientPort),
            Destination = new DestinationEndpoint(exchange.Host, exchange.DestinationIp, exchange.DestinationPort),
            LatencyMs = exchange.LatencyMs,
            TtfbMs = exchange.TtfbMs,
            TtftMs = stream ? call.TtftMs : null,
            Stream = stream,
            Chunks = exchange.Chunks ?? (sseStream ? exchange.SseEvents.Count : call.Chunks),
            RequestBytes = exchange.RequestBytes,
            ResponseBytes = exchange.ResponseBytes,
            Model = call.Model,
            ResponseModel = call.ResponseModel,
            Usage = usage,
            UsageSource = call.UsageReported ? UsageSources.Reported : call.Estimated ? UsageSources.Estimated : UsageSources.None,
            CostUsd = Cost(match, call, prices, succeeded),
            FinishReason = call.FinishReason,
            Error = call.Error,
            TraceId = traceId,
            ParentSpanId = parentSpanId,
            Properties = RequestHeaders.Properties(exchange.RequestHeaders),
            Websocket = exchange.WebSocket,
        };
    }

    private static decimal? Cost(CatalogMatch match, ParsedCall call, PriceTable prices, bool succeeded)
    {
        if (call.ReportedCostUsd is { } reported)
        {
            return reported;
        }

        var price = Find(prices, match.Provider.Slug, call) ?? (match.Provider.PricesFrom is { } other ? Find(prices, other, call) : null);
        try
        {
            return price is null ? null : CostCalculator.Compute(price, call, succeeded);
        }
        catch (OverflowException)
        {
            // Absurd reported quantities (a garbage body) have no meaningful cost.
            return null;
        }
    }

    private static ModelPrice? Find(PriceTable prices, string provider, ParsedCall call) =>
        (call.ResponseModel is { } responseModel ? prices.Find(provider, responseModel) : null) ?? prices.Find(provider, call.Model);

    /// <summary>A count from a body is only believed when it is not negative.</summary>
    private static long? Count(long? value) => value is >= 0 ? value : null;

    private static string StripQuery(string path)
    {
        var q = path.IndexOfAny(['?', '#']);
        return q < 0 ? path : path[..q];
    }
}
