using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Observer.Proxy.Forwarding;

/// <summary>
/// Forwarding policy: headers are copied by YARP (hop-by-hop removed), the request line keeps the client's raw
/// path and query, and Host is the CONNECT authority (or the absolute-form authority) — never the client's own
/// Host header inside a tunnel, which must not redirect the request elsewhere.
/// </summary>
internal sealed class ProxyTransformer : HttpTransformer
{
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        var target = httpContext.Features.Get<UpstreamTarget>()!;
        proxyRequest.RequestUri = target.Uri;
        proxyRequest.Headers.Host = target.HostHeader;
    }
}
