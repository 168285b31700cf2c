using Observer.Actors.Detection;
using Observer.Contracts.Exchanges;
using Observer.Providers.Detection;

namespace Observer.Actors.Tests.Support;

/// <summary>
/// The real detector, except that an exchange carrying <c>X-Test-Poison</c> makes it throw (a parser bug), and it
/// can be made to block until released (a stalled detector).
/// </summary>
internal sealed class PoisonableDetector(ICallDetector inner) : ICallDetector
{
    public const string PoisonHeader = "X-Test-Poison";

    private readonly ManualResetEventSlim _open = new(initialState: true);
    private int _blocked;

    /// <summary>Calls that entered Detect while it was closed and are waiting.</summary>
    public int Blocked => Volatile.Read(ref _blocked);

    public void Close() => _open.Reset();

    public void Open() => _open.Set();

    public DetectedCall? Detect(ExchangeRecord exchange, string customerId, string agentId, string sessionId, IWebSocketObservation? webSocket)
    {
        if (!_open.IsSet)
        {
            Interlocked.Increment(ref _blocked);
            // Bounded so a failing test cannot hang the run; the stall test opens it long before.
            _open.Wait(TimeSpan.FromMinutes(2));
            Interlocked.Decrement(ref _blocked);
        }

        if (exchange.RequestHeaders[PoisonHeader] is not null)
        {
            throw new InvalidOperationException($"poisoned exchange {exchange.ExchangeId}");
        }

        return inner.Detect(exchange, customerId, agentId, sessionId, webSocket);
    }

    public IWebSocketObservation? BeginWebSocket(string host, int port, string path) => inner.BeginWebSocket(host, port, path);
}
