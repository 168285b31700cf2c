using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Observer.Proxy.Forwarding;

/// <summary>
/// Forwarding policy: headers are copied by YARP (hop-by-hop removed), the request line keeps the client's raw
/// path and query, and Host is the CONNECT authority (or the absolute-form authority) — never the client's own
/// Host header inside a tunnel, which must not redirect the request elsewhere.
/// </summary>
/// <remarks>One instance per request: cheaper than carrying the target in an extra HttpContext feature.</remarks>
internal sealed class ProxyTransformer : HttpTransformer
{
    private readonly Uri _uri;
    private readonly string _hostHeader;

    public ProxyTransformer(Uri uri, string hostHeader)
    {
        _uri = uri;
        _hostHeader = hostHeader;
    }

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        proxyRequest.RequestUri = _uri;
        proxyRequest.Headers.Host = _hostHeader;
    }
}
