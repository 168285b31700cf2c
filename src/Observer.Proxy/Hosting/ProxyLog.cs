using Microsoft.Extensions.Logging;

namespace Observer.Proxy.Hosting;

/// <summary>The proxy's log events (ids 3000–3099). Never log header values, bodies or key material.</summary>
internal static partial class ProxyLog
{
    [LoggerMessage(3000, LogLevel.Information, "Proxy listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(3001, LogLevel.Debug, "Connection {ConnectionId}: CONNECT {Host}:{Port} -> {Mode}")]
    public static partial void ConnectAccepted(ILogger logger, string connectionId, string host, int port, string mode);

    [LoggerMessage(3002, LogLevel.Information, "Connection {ConnectionId}: rejected client input ({Reason})")]
    public static partial void ClientRejected(ILogger logger, string connectionId, string reason);

    [LoggerMessage(3003, LogLevel.Warning, "Connection {ConnectionId}: {Method} {Host}:{Port} failed: {ErrorType} ({Reason})")]
    public static partial void ForwardFailed(ILogger logger, string connectionId, string method, string host, int port, string errorType, string reason);

    [LoggerMessage(3004, LogLevel.Warning, "Connection {ConnectionId}: tunnel to {Host}:{Port} failed: {ErrorType} ({Reason})")]
    public static partial void TunnelFailed(ILogger logger, string connectionId, string host, int port, string errorType, string reason);

    [LoggerMessage(3005, LogLevel.Debug, "Connection {ConnectionId}: exchange observation failed")]
    public static partial void ObservationFailed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(3006, LogLevel.Information, "Proxy stopping; waiting up to {GraceSeconds} s for in-flight exchanges")]
    public static partial void Stopping(ILogger logger, double graceSeconds);

    [LoggerMessage(3007, LogLevel.Debug, "Connection {ConnectionId}: minted a leaf certificate for {Host}")]
    public static partial void LeafMinted(ILogger logger, string connectionId, string host);
}
