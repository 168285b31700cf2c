using System.IO.Pipelines;
using System.Text;

namespace Observer.Proxy.Connect;

/// <summary>HTTP/1.1 responses written straight to a connection before Kestrel's HTTP layer sees it.</summary>
internal static class RawResponses
{
    public static readonly byte[] ConnectionEstablished = "HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray();

    public static async Task WriteErrorAsync(PipeWriter output, int status, string reasonPhrase, string text)
    {
        var body = text + "\n";
        var head = $"HTTP/1.1 {status} {reasonPhrase}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n";
        try
        {
            await output.WriteAsync(Encoding.UTF8.GetBytes(head + body)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException)
        {
            // The client is gone; nothing to tell it.
        }
    }
}
