using Observer.Contracts.Exchanges;

namespace Observer.Proxy.Connect;

/// <summary>
/// Per-connection state set by the CONNECT middleware and read by the HTTP layer (Kestrel falls back to
/// connection features for every request on the connection).
/// </summary>
internal sealed class ProxyConnectionFeature
{
    private long _sequence = -1;

    public ProxyConnectionFeature(ConnectionId id, string clientIp, int clientPort, int listenerPort, DateTimeOffset openedAt)
    {
        Id = id;
        ClientIp = clientIp;
        ClientPort = clientPort;
        ListenerPort = listenerPort;
        OpenedAt = openedAt;
    }

    public ConnectionId Id { get; }
    public string ClientIp { get; }
    public int ClientPort { get; }
    public int ListenerPort { get; }
    public DateTimeOffset OpenedAt { get; }

    /// <summary>The CONNECT authority for intercepted tunnels; null for plain proxy connections.</summary>
    public ConnectTarget? Target { get; set; }

    /// <summary>True when the client speaks TLS inside the tunnel (the exchange is https/wss).</summary>
    public bool Tls { get; set; }

    /// <summary>Cached <c>scheme://host:port</c> of an intercepted tunnel's upstream.</summary>
    public string? DestinationPrefix { get; set; }

    public long NextSequence() => Interlocked.Increment(ref _sequence);
}
