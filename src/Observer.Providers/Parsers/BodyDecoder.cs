using System.IO.Compression;

namespace Observer.Providers.Parsers;

/// <summary>
/// The proxy hands decompressed bodies, but a body may still be gzip/br/deflate (a tap that could not decode, a
/// double encoding). Decode what is recognisable, bounded in size; on any failure keep the bytes as they are.
/// </summary>
internal static class BodyDecoder
{
    public const int MaxDecodedBytes = 16 * 1024 * 1024;

    public static ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> body, string? contentEncoding)
    {
        var span = body.Span;
        if (span.Length < 2)
        {
            return body;
        }

        if (span[0] == 0x1f && span[1] == 0x8b)
        {
            return Inflate(body, s => new GZipStream(s, CompressionMode.Decompress));
        }

        if (LooksLikeText(span[0]))
        {
            return body;
        }

        if (contentEncoding is not null && contentEncoding.Contains("br", StringComparison.OrdinalIgnoreCase))
        {
            return Inflate(body, s => new BrotliStream(s, CompressionMode.Decompress));
        }

        if (contentEncoding is not null && contentEncoding.Contains("deflate", StringComparison.OrdinalIgnoreCase))
        {
            return span[0] == 0x78
                ? Inflate(body, s => new ZLibStream(s, CompressionMode.Decompress))
                : Inflate(body, s => new DeflateStream(s, CompressionMode.Decompress));
        }

        return body;
    }

    private static bool LooksLikeText(byte first) => first is (byte)'{' or (byte)'[' or (byte)'"' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'<' or (byte)'d' or (byte)'e' or (byte)':';

    private static ReadOnlyMemory<byte> Inflate(ReadOnlyMemory<byte> body, Func<Stream, Stream> open)
    {
        var output = new MemoryStream();
        try
        {
            using var input = new MemoryStream(body.ToArray(), writable: false);
            using var decoder = open(input);
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = decoder.Read(buffer)) > 0)
            {
                // A truncated compressed body throws at its end; what was decoded so far is kept.
                output.Write(buffer, 0, Math.Min(read, MaxDecodedBytes - (int)output.Length));
                if (output.Length >= MaxDecodedBytes)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (output.Length == 0)
            {
                return body;
            }
        }

        return output.ToArray();
    }
}
