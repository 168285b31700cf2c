using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace Observer.Bench.Proxy;

/// <summary>The fake AI upstream: HTTPS on 127.0.0.1:0 with its own CA; /small (JSON) and /sse (50 events 2 ms apart).</summary>
internal sealed class BenchUpstream : IAsyncDisposable
{
    private static readonly byte[] Small = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}"u8.ToArray();
    private readonly WebApplication _app;

    private BenchUpstream(WebApplication app, string caPath, X509Certificate2 ca)
    {
        _app = app;
        CaPath = caPath;
        Ca = ca;
    }

    public string CaPath { get; }
    public X509Certificate2 Ca { get; }
    public int Port { get; private set; }

    public static async Task<BenchUpstream> StartAsync(string host)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Bench Upstream CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=" + host, leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(host);
        leafRequest.CertificateExtensions.Add(san.Build());
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var leafPublic = leafRequest.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), [1, 2, 3, 4]);
        var leaf = leafPublic.CopyWithPrivateKey(leafKey);
        var caPath = Path.Combine(Path.GetTempPath(), "axom-bench-upstream-ca-" + Environment.ProcessId + ".pem");
        await File.WriteAllTextAsync(caPath, ca.ExportCertificatePem());

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        ListenOptions? listen = null;
        var context = SslStreamCertificateContext.Create(leaf, [ca], offline: true);
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0, l =>
            {
                listen = l;
                l.Protocols = HttpProtocols.Http1AndHttp2;
                var tls = new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = context,
                    ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11],
                };
                l.UseHttps(new TlsHandshakeCallbackOptions { OnConnection = _ => ValueTask.FromResult(tls) });
            });
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        return new BenchUpstream(app, caPath, ca) { Port = listen!.IPEndPoint!.Port };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        File.Delete(CaPath);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == "/sse")
        {
            // ?warm: the same stream without the pauses, so warming the SSE path up takes little time.
            var warmUp = context.Request.Query.ContainsKey("warm");
            context.Response.ContentType = "text/event-stream";
            await context.Response.StartAsync();
            for (var i = 0; i < 50; i++)
            {
                await context.Response.WriteAsync("data: {\"choices\":[{\"delta\":{\"content\":\"tok" + i + "\"}}]}\n\n");
                await context.Response.Body.FlushAsync();
                if (!warmUp)
                {
                    await Task.Delay(2);
                }
            }

            await context.Response.WriteAsync("data: [DONE]\n\n");
            return;
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Small.Length;
        await context.Response.Body.WriteAsync(Small);
    }
}
