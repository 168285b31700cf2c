using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;
using Observer.Providers.Catalog;
using Observer.Providers.Parsers;

namespace Observer.Providers.Detection;

/// <summary>
/// Turns one observed exchange into an <c>ai_call</c> signal and its grouping features, or null for non-AI traffic.
/// Never throws on what it reads: a parser that fails leaves the call reported with what was known.
/// Stateless and thread-safe; build one per observer and share it.
/// </summary>
public sealed class ExchangeDetector
{
    private readonly ProvidersConfiguration _configuration;
    private readonly ParserRegistry _parsers = new();

    public ExchangeDetector(ProvidersConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
    }

    /// <summary>The call detected in an exchange, or null when the exchange is not with a catalogued provider.</summary>
    public DetectedCall? Detect(ExchangeRecord exchange, DetectionContext context, WebSocketUsageAccumulator? webSocket = null)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(context);
        var match = _configuration.Catalog.Match(exchange.Host, exchange.Port, exchange.Method, exchange.Path);
        if (match is null)
        {
            return null;
        }

        var call = new ParsedCall { Model = match.PathModel };
        var input = new ParseInput(exchange, match);
        var parser = _parsers.Get(match.Parser);
        Guard(() => parser.ParseRequest(input, call));
        if (exchange.Status > 0)
        {
            Guard(() => parser.ParseResponse(input, call));
        }

        webSocket?.ApplyTo(call);
        ApplyErrors(exchange, input, call);
        Guard(() => UsageEstimation.Apply(parser, input, call));

        var succeeded = exchange.Status is >= 100 and < 400 && exchange.Error is null;
        var (traceId, parentSpanId) = RequestHeaders.TraceParent(exchange.RequestHeaders);
        var signal = CallSignalFactory.Create(exchange, context, match, call, _configuration.Prices, succeeded, input.IsStreamResponse, traceId, parentSpanId);
        var features = CallFeatures.None;
        Guard(() => features = FeatureExtractor.Extract(exchange.RequestHeaders, call, traceId, succeeded));
        return new DetectedCall(signal, features);
    }

    /// <summary>
    /// An accumulator for a realtime WebSocket endpoint (OpenAI/Azure Realtime, Deepgram live listen and speak,
    /// ElevenLabs input streaming, AssemblyAI streaming), or null for any other endpoint.
    /// </summary>
    public WebSocketUsageAccumulator? CreateWebSocketAccumulator(string host, int port, string path)
    {
        var match = _configuration.Catalog.Match(host, port, "GET", path);
        if (match is null)
        {
            return null;
        }

        if (match.Operation == Operations.Realtime && match.Parser == ParserFamilies.OpenAi)
        {
            return new WebSocketUsageAccumulator(RealtimeKind.OpenAiRealtime);
        }

        if (match.Parser == ParserFamilies.Deepgram && match.Operation == Operations.AudioTranscription)
        {
            return new WebSocketUsageAccumulator(RealtimeKind.DeepgramListen);
        }

        if ((match.Provider.Slug == "elevenlabs" && match.Operation == Operations.Realtime)
            || (match.Parser == ParserFamilies.Deepgram && match.Operation == Operations.SpeechSynthesis))
        {
            return new WebSocketUsageAccumulator(RealtimeKind.ClientTextCharacters);
        }

        if (match.Provider.Slug == "assemblyai" && match.Operation == Operations.Realtime)
        {
            return new WebSocketUsageAccumulator(RealtimeKind.AssemblyAiStreaming);
        }

        return null;
    }

    private static void ApplyErrors(ExchangeRecord exchange, ParseInput input, ParsedCall call)
    {
        if (exchange.Status == 0 || (exchange.Error is not null && call.Error is null))
        {
            call.Error = exchange.Error ?? (exchange.ClientAborted ? new SignalError(ProxyErrorTypes.ClientAborted, null) : null) ?? call.Error;
        }
        else if (exchange.Status >= 400)
        {
            SignalError? fromBody = null;
            Guard(() => fromBody = ErrorExtractor.FromBody(input.ResponseBody, exchange.Status));
            call.Error = fromBody ?? call.Error ?? new SignalError(ErrorExtractor.HttpType(exchange.Status), null);

            // AWS services name the error in a header ("ThrottlingException:http://…") rather than the body.
            if (call.Error.Type.StartsWith("http_", StringComparison.Ordinal) && exchange.ResponseHeaders["x-amzn-errortype"] is { Length: > 0 } awsType)
            {
                var colon = awsType.IndexOf(':', StringComparison.Ordinal);
                call.Error = call.Error with { Type = colon < 0 ? awsType : awsType[..colon] };
            }
        }

        if (call.Error is not null && (exchange.Status == 0 || exchange.Status >= 400))
        {
            call.FinishReason = FinishReasons.Error;
        }
    }

    private static void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Fail open: detection reports what it has; a malformed body never loses the call.
        }
    }
}
