using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Observer.Proxy.Tests.Infrastructure;

/// <summary>
/// Opens a CONNECT tunnel through the proxy by hand. SocketsHttpHandler does not negotiate HTTP/2 inside its own
/// proxy tunnels, so HTTP/2 clients in the tests use this as their ConnectCallback instead of WebProxy.
/// </summary>
public static class ManualTunnel
{
    public static async Task<Stream> OpenAsync(int proxyPort, string host, int port, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, proxyPort), ct);
        var stream = new NetworkStream(socket, ownsSocket: true);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"CONNECT {host}:{port} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n"), ct);

        // Read the response head byte by byte so no tunnelled byte is consumed.
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, ct) == 0 || head.Length > 4096)
            {
                throw new IOException("the proxy closed the tunnel: " + head);
            }

            head.Append((char)one[0]);
        }

        if (!head.ToString().StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
        {
            throw new IOException("CONNECT refused: " + head);
        }

        return stream;
    }

    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Callback(int proxyPort) =>
        async (context, ct) => await OpenAsync(proxyPort, context.DnsEndPoint.Host, context.DnsEndPoint.Port, ct);
}
