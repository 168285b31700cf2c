using System.Net.Security;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Observer.Proxy.Connect;

namespace Observer.Proxy.Tls;

/// <summary>
/// Kestrel's TLS callback for intercepted tunnels: presents a leaf for the SNI host (or the CONNECT host/IP when
/// the client sent no SNI) and offers h2 and http/1.1 so the client gets the protocol it asked for.
/// </summary>
internal sealed class TlsHandshakeHandler
{
    private static readonly List<SslApplicationProtocol> Protocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11];
    private readonly LeafCertificateCache _leaves;

    public TlsHandshakeHandler(LeafCertificateCache leaves) => _leaves = leaves;

    public ValueTask<SslServerAuthenticationOptions> OnConnection(TlsHandshakeCallbackContext context)
    {
        var host = context.ClientHelloInfo.ServerName;
        if (string.IsNullOrEmpty(host))
        {
            host = context.Connection.Features.Get<ProxyConnectionFeature>()?.Target?.Host ?? "localhost";
        }

        return ValueTask.FromResult(new SslServerAuthenticationOptions
        {
            ServerCertificateContext = _leaves.Get(host.ToLowerInvariant()),
            ApplicationProtocols = Protocols,
            ClientCertificateRequired = false,
        });
    }
}
