using System.Security.Cryptography;

namespace Observer.Proxy.Tests.Infrastructure;

/// <summary>A reproducible byte stream (xorshift64) so large bodies can be checked by hash without storing them.</summary>
public static class DeterministicBytes
{
    public static void Fill(Span<byte> buffer, ref ulong state)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            buffer[i] = (byte)state;
        }
    }

    public static async Task WriteAsync(Stream destination, long length, ulong seed, CancellationToken cancellationToken)
    {
        var state = seed | 1;
        var buffer = new byte[64 * 1024];
        for (long sent = 0; sent < length;)
        {
            var n = (int)Math.Min(buffer.Length, length - sent);
            Fill(buffer.AsSpan(0, n), ref state);
            await destination.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            sent += n;
        }
    }

    public static string Sha256Hex(long length, ulong seed)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var state = seed | 1;
        var buffer = new byte[64 * 1024];
        for (long done = 0; done < length;)
        {
            var n = (int)Math.Min(buffer.Length, length - done);
            Fill(buffer.AsSpan(0, n), ref state);
            hash.AppendData(buffer, 0, n);
            done += n;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static async Task<string> WriteFileAsync(string path, long length, ulong seed)
    {
        await using (var file = File.Create(path))
        {
            await WriteAsync(file, length, seed, CancellationToken.None);
        }

        return Sha256Hex(length, seed);
    }
}
