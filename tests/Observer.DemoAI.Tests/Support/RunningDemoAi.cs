using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Observer.DemoAI.Hosting;

namespace Observer.DemoAI.Tests.Support;

/// <summary>The demo provider on 127.0.0.1 port 0 (HTTP and HTTPS), no artificial latency, its CA in a temp folder.</summary>
public sealed class RunningDemoAi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningDemoAi(WebApplication app, string folder, string caPath)
    {
        _app = app;
        Folder = folder;
        CaPath = caPath;
        HttpPort = DemoAiApp.BoundPort(app, "http");
        HttpsPort = DemoAiApp.BoundPort(app, "https");
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Folder { get; }

    public string CaPath { get; }

    public int HttpPort { get; }

    public int HttpsPort { get; }

    public HttpClient Http { get; }

    public static async Task<RunningDemoAi> StartAsync(int latencyMs = 0, int chunkDelayMs = 0)
    {
        var folder = Path.Combine(Path.GetTempPath(), "axom-demo-ai-tests", Guid.NewGuid().ToString("N"));
        var caPath = Path.Combine(folder, "demo-ca.pem");
        var app = DemoAiApp.Build(new DemoAiOptions
        {
            HttpPort = 0, HttpsPort = 0, CaOut = caPath, LatencyMs = latencyMs, ChunkDelayMs = chunkDelayMs,
        });
        await app.StartAsync();
        return new RunningDemoAi(app, folder, caPath);
    }

    /// <summary>
    /// A client for <c>https://{real hostname}/…</c> whose connections all go to the demo's HTTPS port, trusting only
    /// the CA in <paramref name="trustedCaPem"/> (SNI and name checks use the real hostname).
    /// </summary>
    public HttpClient Https(string? trustedCaPem = null)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(trustedCaPem ?? CaPath);
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.AddRange(roots);
        var port = HttpsPort;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy },
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
