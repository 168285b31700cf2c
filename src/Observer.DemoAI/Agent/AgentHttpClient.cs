using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Observer.DemoAI.Agent;

/// <summary>
/// The agent's HttpClient: through the proxy (or to a fixed endpoint), validating server certificates against the
/// given CA as a custom trust root — validation stays on; only the set of trusted roots changes.
/// </summary>
public static class AgentHttpClient
{
    public static HttpClient Create(DemoAgentOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = DecompressionMethods.None,
        };

        var proxy = options.ResolveProxy();
        if (proxy is not null)
        {
            handler.Proxy = new WebProxy(proxy) { BypassProxyOnLocal = false };
            handler.UseProxy = true;
        }
        else
        {
            handler.UseProxy = false;
            var target = options.ConnectTo!;
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(target, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        if (options.CaFile is not null)
        {
            handler.SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = TrustOnly(LoadPem(options.CaFile)) };
        }

        return new HttpClient(handler) { Timeout = options.RequestTimeout };
    }

    /// <summary>A chain policy that trusts exactly the given roots (and still checks names, dates and signatures).</summary>
    public static X509ChainPolicy TrustOnly(X509Certificate2Collection roots)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(roots);
        return policy;
    }

    public static X509Certificate2Collection LoadPem(string path)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        if (roots.Count == 0)
        {
            throw new ArgumentException($"'{path}' holds no PEM certificate");
        }

        return roots;
    }
}
