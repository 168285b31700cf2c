namespace Observer.Contracts.Exchanges;

/// <summary>What the proxy knows about a client connection when it is accepted (or when its CONNECT target is known).</summary>
/// <param name="Id">The connection's id (the session id).</param>
/// <param name="ClientIp">The client's address.</param>
/// <param name="ClientPort">The client's port.</param>
/// <param name="ListenerPort">The proxy port it arrived on.</param>
/// <param name="OpenedAt">When it was accepted.</param>
public sealed record ConnectionInfo(ConnectionId Id, string ClientIp, int ClientPort, int ListenerPort, DateTimeOffset OpenedAt);
