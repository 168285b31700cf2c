using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Observer.Bench.Proxy;

/// <summary>HttpClients for the two paths: straight to the upstream, and through the proxy (CONNECT + interception).</summary>
internal sealed class BenchClients(int upstreamPort, X509Certificate2 upstreamCa, int proxyPort, X509Certificate2 observerCa)
{
    public HttpClient Direct() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        ConnectCallback = async (_, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, upstreamPort), ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
        SslOptions = Trust(upstreamCa),
        MaxConnectionsPerServer = 1,
    });

    public HttpClient Proxied() => new(new SocketsHttpHandler
    {
        Proxy = new WebProxy("http://127.0.0.1:" + proxyPort),
        UseProxy = true,
        SslOptions = Trust(observerCa),
        MaxConnectionsPerServer = 1,
    });

    private static SslClientAuthenticationOptions Trust(X509Certificate2 root) => new()
    {
        RemoteCertificateValidationCallback = (_, cert, _, errors) =>
        {
            if (cert is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(root);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build((X509Certificate2)cert);
        },
    };
}
