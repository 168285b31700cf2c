using System.IO.Compression;

namespace Observer.Proxy.Observation;

/// <summary>
/// Decompresses a tapped body copy (gzip, br, deflate) for parsers, off the forwarding path. The copy may be cut
/// at the tap limit, so decoding stops quietly at the end of the available bytes; output is bounded too.
/// </summary>
internal static class BodyDecoder
{
    public static bool CanDecode(string? contentEncoding) =>
        contentEncoding is not null && (Is(contentEncoding, "gzip") || Is(contentEncoding, "br") || Is(contentEncoding, "deflate") || Is(contentEncoding, "x-gzip"));

    public static (ReadOnlyMemory<byte> Body, bool Truncated) Decode(ReadOnlyMemory<byte> encoded, string contentEncoding, int limit)
    {
        var first = TryDecode(encoded, contentEncoding.Trim(), limit, rawDeflate: false);
        if (first.Body.Length == 0 && Is(contentEncoding, "deflate"))
        {
            // "deflate" in the wild is sometimes raw DEFLATE instead of zlib.
            return TryDecode(encoded, contentEncoding, limit, rawDeflate: true);
        }

        return first;
    }

    private static (ReadOnlyMemory<byte> Body, bool Truncated) TryDecode(ReadOnlyMemory<byte> encoded, string encoding, int limit, bool rawDeflate)
    {
        using var source = new MemoryStream(encoded.ToArray(), writable: false);
        using Stream decoder = Is(encoding, "br") ? new BrotliStream(source, CompressionMode.Decompress)
            : Is(encoding, "deflate") ? (rawDeflate ? new DeflateStream(source, CompressionMode.Decompress) : new ZLibStream(source, CompressionMode.Decompress))
            : new GZipStream(source, CompressionMode.Decompress);
        var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (output.Length < limit)
            {
                var n = decoder.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - output.Length));
                if (n == 0)
                {
                    return (output.GetBuffer().AsMemory(0, (int)output.Length), false);
                }

                output.Write(buffer, 0, n);
            }

            return (output.GetBuffer().AsMemory(0, (int)output.Length), true);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A cut-off or corrupt stream: keep what decoded.
            return (output.GetBuffer().AsMemory(0, (int)output.Length), true);
        }
    }

    private static bool Is(string value, string encoding) => value.Trim().Equals(encoding, StringComparison.OrdinalIgnoreCase);
}
