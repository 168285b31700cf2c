using Observer.Contracts.Exchanges;
using Observer.Providers;
using Observer.Providers.Detection;

namespace Observer.Actors.Detection;

/// <summary><see cref="ICallDetector"/> over Observer.Providers' <see cref="ExchangeDetector"/> (catalog, parsers, prices).</summary>
public sealed class ExchangeCallDetector : ICallDetector
{
    private readonly ExchangeDetector _detector;

    public ExchangeCallDetector(ExchangeDetector detector) => _detector = detector;

    public static ExchangeCallDetector CreateDefault() => new(new ExchangeDetector(ProvidersConfiguration.LoadDefault()));

    public DetectedCall? Detect(ExchangeRecord exchange, string customerId, string agentId, string sessionId, IWebSocketObservation? webSocket) =>
        _detector.Detect(exchange, new DetectionContext(customerId, agentId, sessionId), (webSocket as Accumulated)?.Accumulator);

    public IWebSocketObservation? BeginWebSocket(string host, int port, string path) =>
        _detector.CreateWebSocketAccumulator(host, port, path) is { } accumulator ? new Accumulated(accumulator) : null;

    private sealed class Accumulated(WebSocketUsageAccumulator accumulator) : IWebSocketObservation
    {
        public WebSocketUsageAccumulator Accumulator { get; } = accumulator;

        public void Observe(WebSocketMessageObserved message) => Accumulator.Observe(message);
    }
}
