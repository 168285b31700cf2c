using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Observer.Proxy.Tls;

namespace Observer.Bench.Proxy;

/// <summary>
/// The floor any intercepting proxy in .NET pays: CONNECT, then TLS terminated towards the client and re-originated
/// towards the upstream, bytes copied both ways — no HTTP parsing, no forwarding logic, no observation. Runs alone
/// in its process like the proxy child; prints "READY port caPath", runs until stdin closes.
/// </summary>
internal static class TlsRelayChild
{
    public static async Task<int> RunAsync(string[] args)
    {
        // args: upstreamCaPath host upstreamPort
        var dataDir = Path.Combine(Path.GetTempPath(), "axom-bench-relay-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        using var ca = CertificateAuthority.LoadOrCreate(dataDir, null, null);
        using var leaves = new LeafCertificateCache(ca.Certificate, 16);
        using var upstreamCa = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(args[0]));
        var host = args[1];
        var upstream = new IPEndPoint(IPAddress.Loopback, int.Parse(args[2], CultureInfo.InvariantCulture));
        var serverOptions = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = leaves.Get(host),
            ApplicationProtocols = [SslApplicationProtocol.Http11],
        };
        var clientOptions = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            ApplicationProtocols = [SslApplicationProtocol.Http11],
            RemoteCertificateValidationCallback = (_, cert, _, errors) => errors == SslPolicyErrors.None
                || (errors == SslPolicyErrors.RemoteCertificateChainErrors && cert is X509Certificate2 c && Chains(c, upstreamCa)),
        };

        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(512);
        using var stop = new CancellationTokenSource();
        var accepting = AcceptAsync(listener, upstream, serverOptions, clientOptions, stop.Token);
        Console.WriteLine($"READY {((IPEndPoint)listener.LocalEndPoint!).Port} {ca.CertificatePath}");
        await Console.In.ReadToEndAsync();
        await stop.CancelAsync();
        listener.Close();
        await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        Directory.Delete(dataDir, recursive: true);
        return 0;
    }

    private static async Task AcceptAsync(Socket listener, IPEndPoint upstream, SslServerAuthenticationOptions server, SslClientAuthenticationOptions client, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var socket = await listener.AcceptAsync(ct);
            socket.NoDelay = true;
            _ = RelayAsync(socket, upstream, server, client);
        }
    }

    private static async Task RelayAsync(Socket clientSocket, IPEndPoint upstream, SslServerAuthenticationOptions server, SslClientAuthenticationOptions client)
    {
        await using var clientStream = new NetworkStream(clientSocket, ownsSocket: true);
        try
        {
            // The CONNECT head: read to the blank line, answer 200 (the target is fixed for this floor measurement).
            var head = new byte[4096];
            var length = 0;
            while (length < head.Length && !Encoding.ASCII.GetString(head, 0, length).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var n = await clientStream.ReadAsync(head.AsMemory(length));
                if (n == 0)
                {
                    return;
                }

                length += n;
            }

            await clientStream.WriteAsync("HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray());
            await using var clientTls = new SslStream(clientStream);
            await clientTls.AuthenticateAsServerAsync(server);
            var upstreamSocket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await upstreamSocket.ConnectAsync(upstream);
            await using var upstreamTls = new SslStream(new NetworkStream(upstreamSocket, ownsSocket: true));
            await upstreamTls.AuthenticateAsClientAsync(client);
            await Task.WhenAny(PumpAsync(clientTls, upstreamTls), PumpAsync(upstreamTls, clientTls));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            // A closed connection ends the relay.
        }
    }

    private static async Task PumpAsync(Stream from, Stream to)
    {
        var buffer = new byte[16384];
        int n;
        while ((n = await from.ReadAsync(buffer)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, n));
        }
    }

    private static bool Chains(X509Certificate2 cert, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(cert);
    }
}
