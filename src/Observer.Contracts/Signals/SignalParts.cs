namespace Observer.Contracts.Signals;

/// <summary>The client end of an intercepted connection.</summary>
public sealed record SourceEndpoint(string Ip, int Port);

/// <summary>The upstream actually contacted (after any <c>--resolve</c> override).</summary>
public sealed record DestinationEndpoint(string Host, string? Ip, int Port);

/// <summary>A provider error body's type and message, or one of the proxy's own error types (<see cref="ProxyErrorTypes"/>).</summary>
public sealed record SignalError(string Type, string? Message);

/// <summary>Message and byte counts of a WebSocket session.</summary>
public sealed record WebSocketCounts(long MessagesIn, long MessagesOut, long BytesIn, long BytesOut);

/// <summary>Error types the proxy itself reports when no provider error body exists.</summary>
public static class ProxyErrorTypes
{
    public const string UpstreamUnreachable = "upstream_unreachable";
    public const string UpstreamTimeout = "upstream_timeout";
    public const string UpstreamTlsError = "upstream_tls_error";
    public const string ClientAborted = "client_aborted";
}
