using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Observer.Proxy.Tests.Infrastructure;

/// <summary>Speaks raw bytes to the proxy over TCP, for malformed-input tests.</summary>
public sealed class RawClient : IDisposable
{
    private readonly TcpClient _tcp = new();

    public NetworkStream Stream => _tcp.GetStream();

    public static async Task<RawClient> ConnectAsync(int port)
    {
        var client = new RawClient();
        await client._tcp.ConnectAsync(IPAddress.Loopback, port);
        return client;
    }

    public Task SendAsync(string ascii) => Stream.WriteAsync(Encoding.ASCII.GetBytes(ascii)).AsTask();

    public Task SendAsync(byte[] bytes) => Stream.WriteAsync(bytes).AsTask();

    /// <summary>Reads until the proxy closes the connection (or the deadline), returning what arrived.</summary>
    public async Task<string> ReadToCloseAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var buffer = new byte[8192];
        var text = new StringBuilder();
        try
        {
            int n;
            while ((n = await Stream.ReadAsync(buffer, cts.Token)) > 0)
            {
                text.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
        }
        catch (IOException)
        {
            // A reset is a close too.
        }

        return text.ToString();
    }

    /// <summary>Reads one response head (up to the blank line).</summary>
    public async Task<string> ReadHeadAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await Stream.ReadAsync(one, cts.Token) > 0)
        {
            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    public void Dispose() => _tcp.Dispose();
}
