using System.Collections.Concurrent;
using Observer.Actors.Detection;
using Observer.Contracts.Exchanges;
using Observer.Providers.Detection;

namespace Observer.Bench.Actors;

/// <summary>
/// For the "actors only" figure: answers with calls the real detector produced before the timed run, so the run
/// measures the actor topology (sessions, sharding, correlation, hand-off) without the parsing cost.
/// </summary>
internal sealed class PrecomputedDetector(ICallDetector real) : ICallDetector
{
    private readonly ConcurrentDictionary<string, DetectedCall> _calls = new();

    public void Precompute(IEnumerable<ExchangeRecord> records)
    {
        foreach (var record in records)
        {
            var agent = record.RequestHeaders["X-Axom-Agent-Id"]!;
            _calls[record.ExchangeId] = real.Detect(record, "bench", agent, record.Connection.Value, null)!;
        }
    }

    public DetectedCall? Detect(ExchangeRecord exchange, string customerId, string agentId, string sessionId, IWebSocketObservation? webSocket) =>
        _calls.TryRemove(exchange.ExchangeId, out var call) ? call : real.Detect(exchange, customerId, agentId, sessionId, webSocket);

    public IWebSocketObservation? BeginWebSocket(string host, int port, string path) => real.BeginWebSocket(host, port, path);
}
