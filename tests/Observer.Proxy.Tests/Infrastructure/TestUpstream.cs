using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observer.Proxy.Tls;

namespace Observer.Proxy.Tests.Infrastructure;

/// <summary>
/// A real Kestrel upstream on 127.0.0.1:0 (one TLS listener with certificates from its own test CA, one plain
/// listener) serving the endpoints the proxy tests need.
/// </summary>
public sealed class TestUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LeafCertificateCache _leaves;

    private TestUpstream(WebApplication app, LeafCertificateCache leaves, CertificateAuthority ca, string dir)
    {
        _app = app;
        _leaves = leaves;
        Ca = ca;
        Directory = dir;
    }

    public CertificateAuthority Ca { get; }

    public string Directory { get; }

    public int TlsPort { get; private set; }

    public int PlainPort { get; private set; }

    /// <summary>Completed when a /forever request notices its client (the proxy) went away.</summary>
    public TaskCompletionSource ForeverAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<TestUpstream> StartAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "axom-upstream-" + Guid.NewGuid().ToString("N"));
        var ca = CertificateAuthority.LoadOrCreate(dir, null, null);
        var leaves = new LeafCertificateCache(ca.Certificate, 64);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddRouting();
        ListenOptions? tls = null, plain = null;
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, l =>
            {
                tls = l;
                l.Protocols = HttpProtocols.Http1AndHttp2;
                l.UseHttps(new TlsHandshakeCallbackOptions
                {
                    OnConnection = c => ValueTask.FromResult(new SslServerAuthenticationOptions
                    {
                        ServerCertificateContext = leaves.Get(string.IsNullOrEmpty(c.ClientHelloInfo.ServerName) ? "127.0.0.1" : c.ClientHelloInfo.ServerName),
                        ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11],
                    }),
                });
            });
            k.Listen(IPAddress.Loopback, 0, l =>
            {
                plain = l;
                l.Protocols = HttpProtocols.Http1;
            });
        });
        var app = builder.Build();
        var upstream = new TestUpstream(app, leaves, ca, dir);
        app.UseWebSockets();
        app.Run(upstream.HandleAsync);
        await app.StartAsync();
        upstream.TlsPort = tls!.IPEndPoint!.Port;
        upstream.PlainPort = plain!.IPEndPoint!.Port;
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _leaves.Dispose();
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

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var ct = context.RequestAborted;
        switch (request.Path.Value)
        {
            case "/hello":
                response.Headers["X-Upstream"] = "yes";
                await response.WriteAsync("hello from " + request.Host + " via " + request.Protocol, ct);
                break;
            case "/bytes":
                var length = long.Parse(request.Query["n"]!, CultureInfo.InvariantCulture);
                response.ContentLength = request.Query["chunked"] == "1" ? null : length;
                response.ContentType = "application/octet-stream";
                await DeterministicBytes.WriteAsync(response.Body, length, ulong.Parse(request.Query["seed"]!, CultureInfo.InvariantCulture), ct);
                break;
            case "/sha256":
                using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
                {
                    var buffer = new byte[64 * 1024];
                    long total = 0;
                    int n;
                    while ((n = await request.Body.ReadAsync(buffer, ct)) > 0)
                    {
                        hash.AppendData(buffer, 0, n);
                        total += n;
                    }

                    await response.WriteAsync(Convert.ToHexStringLower(hash.GetHashAndReset()) + " " + total.ToString(CultureInfo.InvariantCulture), ct);
                }

                break;
            case "/headers":
                var sb = new StringBuilder();
                foreach (var (name, values) in request.Headers)
                {
                    sb.Append(name.ToLowerInvariant()).Append(": ").Append(values.ToString()).Append('\n');
                }

                await response.WriteAsync(sb.ToString(), ct);
                break;
            case "/sse":
                response.ContentType = "text/event-stream";
                var count = int.Parse(request.Query["n"]!, CultureInfo.InvariantCulture);
                var delay = int.Parse(request.Query["delayMs"]!, CultureInfo.InvariantCulture);
                await response.StartAsync(ct);
                for (var i = 0; i < count; i++)
                {
                    await response.WriteAsync($"event: delta\ndata: {{\"i\":{i}}}\n\n", ct);
                    await response.Body.FlushAsync(ct);
                    if (i < count - 1)
                    {
                        await Task.Delay(delay, ct);
                    }
                }

                break;
            case "/slow":
                await Task.Delay(int.Parse(request.Query["ms"]!, CultureInfo.InvariantCulture), ct);
                await response.WriteAsync("late", ct);
                break;
            case "/forever":
                await response.StartAsync(ct);
                try
                {
                    for (var i = 0; i < 600; i++)
                    {
                        await response.WriteAsync("tick\n", ct);
                        await response.Body.FlushAsync(ct);
                        await Task.Delay(50, ct);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException)
                {
                    ForeverAborted.TrySetResult();
                }

                break;
            case "/echo":
                response.ContentType = request.ContentType;
                await request.Body.CopyToAsync(response.Body, ct);
                break;
            case "/trailers":
                // Kestrel sends response trailers over HTTP/2 only.
                if (response.SupportsTrailers())
                {
                    response.DeclareTrailer("x-checksum");
                }

                await response.WriteAsync("body with trailers", ct);
                if (response.SupportsTrailers())
                {
                    response.AppendTrailer("x-checksum", "abc123");
                }
                break;
            case TrailerEchoEndpoint.Path:
                await TrailerEchoEndpoint.HandleAsync(context, ct);
                break;
            case "/gzip":
                response.Headers.ContentEncoding = "gzip";
                response.ContentType = "application/json";
                var payload = Encoding.UTF8.GetBytes("{\"model\":\"gpt-4o\",\"ok\":true}");
                using (var ms = new MemoryStream())
                {
                    await using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
                    {
                        await gz.WriteAsync(payload, ct);
                    }

                    await response.Body.WriteAsync(ms.ToArray(), ct);
                }

                break;
            case "/ws":
                if (!context.WebSockets.IsWebSocketRequest)
                {
                    response.StatusCode = 400;
                    return;
                }

                using (var socket = await context.WebSockets.AcceptWebSocketAsync())
                {
                    await EchoAsync(socket, ct);
                }

                break;
            default:
                response.StatusCode = 404;
                break;
        }
    }

    private static async Task EchoAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", ct);
                return;
            }

            await socket.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, ct);
        }
    }
}
