using Microsoft.AspNetCore.Connections;

namespace Observer.Proxy.Connect;

/// <summary>
/// Holds Kestrel's HTTP connection delegate, captured by the last middleware of a listener, so plain-text
/// connections (absolute-form proxy requests, plain HTTP inside a tunnel) can skip the TLS middleware.
/// </summary>
internal sealed class HttpDelegateHolder
{
    public ConnectionDelegate? Http { get; set; }

    public ConnectionDelegate Capture(ConnectionDelegate next)
    {
        Http = next;
        return next;
    }
}
