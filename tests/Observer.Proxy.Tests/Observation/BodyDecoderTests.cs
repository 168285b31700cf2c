using System.IO.Compression;
using System.Text;
using Observer.Proxy.Observation;

namespace Observer.Proxy.Tests.Observation;

public sealed class BodyDecoderTests
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + new string('a', 5000) + "\"}]}");

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public void CompressedBody_IsDecoded(string encoding)
    {
        var (body, truncated) = BodyDecoder.Decode(Compress(encoding, Json), encoding, 1 << 20);

        Assert.False(truncated);
        Assert.Equal(Json, body.ToArray());
    }

    [Fact]
    public void CutOffCopy_DecodesAPrefixWithoutThrowing()
    {
        var gz = Compress("gzip", Encoding.UTF8.GetBytes(string.Join(",", Enumerable.Range(0, 20_000))));
        var (body, _) = BodyDecoder.Decode(gz.AsMemory(0, gz.Length / 2), "gzip", 1 << 20);

        Assert.True(body.Length > 0);
        Assert.StartsWith("0,1,2,3", Encoding.UTF8.GetString(body.Span));
    }

    [Fact]
    public void Output_IsBoundedByTheLimit()
    {
        var (body, truncated) = BodyDecoder.Decode(Compress("gzip", Json), "gzip", 100);

        Assert.True(truncated);
        Assert.Equal(100, body.Length);
    }

    [Fact]
    public void BodyTap_CopiesOnlyUpToTheLimitButCountsAll()
    {
        var tap = new BodyTap(10, null);
        tap.Append(new byte[7]);
        tap.Append(new byte[7]);

        Assert.Equal(14, tap.Total);
        Assert.Equal(10, tap.Captured.Length);
        Assert.True(tap.Truncated);
    }

    private static byte[] Compress(string encoding, byte[] data)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "br" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}
