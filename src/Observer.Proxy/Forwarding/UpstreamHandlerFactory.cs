using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace Observer.Proxy.Forwarding;

/// <summary>The one <see cref="SocketsHttpHandler"/> every intercepted exchange is forwarded through.</summary>
internal static class UpstreamHandlerFactory
{
    public static SocketsHttpHandler Create(UpstreamResolver resolver, UpstreamCertificateValidator validator)
    {
        return new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = null,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            MaxResponseHeadersLength = 128,
            InitialHttp2StreamWindowSize = 1024 * 1024,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = validator.Validate,
            },
            ConnectCallback = async (context, cancellationToken) =>
            {
                // --resolve changes only the TCP destination; SNI and Host still come from the request.
                var endpoint = resolver.Resolve(context.DnsEndPoint.Host, context.DnsEndPoint.Port);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }
}
