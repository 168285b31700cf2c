using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Observer.Contracts.Metrics;
using Observer.Proxy.Forwarding;
using Observer.Proxy.Tls;

namespace Observer.Proxy.Tests.Infrastructure;

/// <summary>
/// A <see cref="ProxyServer"/> on 127.0.0.1:0 in front of a <see cref="TestUpstream"/>: fake public host names
/// are mapped with --resolve to the upstream, and the upstream's CA is the extra upstream root.
/// </summary>
public sealed class TestProxy : IAsyncDisposable
{
    public const string AiHost = "api.openai.com";
    public const string OtherHost = "plain.example.test";

    private TestProxy(ProxyServer server, CertificateAuthority ca, RecordingSink sink, ObserverMetrics metrics, string dir, TestUpstream upstream)
    {
        Server = server;
        Ca = ca;
        Sink = sink;
        Metrics = metrics;
        Directory = dir;
        Upstream = upstream;
    }

    public ProxyServer Server { get; }
    public CertificateAuthority Ca { get; }
    public RecordingSink Sink { get; }
    public ObserverMetrics Metrics { get; }
    public string Directory { get; }
    public TestUpstream Upstream { get; }
    public int Port => Server.BoundEndpoints[0].Port;
    public Uri ProxyUri => new("http://127.0.0.1:" + Port);
    public string CaPemPath => Ca.CertificatePath;

    public static async Task<TestProxy> StartAsync(TestUpstream upstream, Action<ProxyOptions>? configure = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "axom-proxy-" + Guid.NewGuid().ToString("N"));
        var ca = CertificateAuthority.LoadOrCreate(dir, null, null);
        var options = new ProxyOptions { UpstreamCaPath = upstream.Ca.CertificatePath, IdleTimeout = TimeSpan.FromSeconds(60) };
        options.Ports.Add(0);
        foreach (var host in new[] { AiHost, OtherHost, "ws.example.test" })
        {
            options.Resolve.Add(new ResolveOverride(host, 443, "127.0.0.1", upstream.TlsPort));
            options.Resolve.Add(new ResolveOverride(host, 80, "127.0.0.1", upstream.PlainPort));
        }

        configure?.Invoke(options);
        var sink = new RecordingSink();
        var metrics = new ObserverMetrics();
        var server = new ProxyServer(options, ca, (h, _) => h is AiHost or "ws.example.test", sink, metrics, NullLoggerFactory.Instance);
        await server.StartAsync(CancellationToken.None);
        return new TestProxy(server, ca, sink, metrics, dir, upstream);
    }

    /// <summary>A handler that goes through this proxy and trusts only the given root (default: the observer CA).</summary>
    public SocketsHttpHandler CreateHandler(X509Certificate2? trustedRoot = null, Action<X509Certificate2?>? seen = null, bool http2 = false)
    {
        var root = trustedRoot ?? Ca.Certificate;
        return new SocketsHttpHandler
        {
            Proxy = http2 ? null : new WebProxy(ProxyUri),
            UseProxy = !http2,
            ConnectCallback = http2 ? ManualTunnel.Callback(Port) : null,
            AutomaticDecompression = DecompressionMethods.None,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, errors) =>
                {
                    seen?.Invoke(cert as X509Certificate2);
                    return TrustsRoot(cert, errors, root);
                },
            },
        };
    }

    /// <summary>HTTP/1.1 clients use WebProxy; HTTP/2 clients open the CONNECT tunnel themselves (see <see cref="ManualTunnel"/>).</summary>
    public HttpClient CreateClient(Version? version = null) => new(CreateHandler(http2: version?.Major == 2))
    {
        DefaultRequestVersion = version ?? HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromMinutes(2),
    };

    public static bool TrustsRoot(X509Certificate? cert, SslPolicyErrors errors, X509Certificate2 root)
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
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Ca.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
