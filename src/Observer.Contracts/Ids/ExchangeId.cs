namespace Observer.Contracts.Ids;

/// <summary>
/// Ids of intercepted exchanges: UUIDv7 strings like <see cref="SignalId"/>, but with the 74 random bits drawn from
/// <see cref="Random.Shared"/> (seeded once from the OS) instead of the OS generator, which costs a system call
/// per id on Linux. Exchange ids are minted on the proxy's request path, before the request is forwarded; they need
/// to be unique, not unpredictable.
/// </summary>
public static class ExchangeId
{
    public static string New(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        var milliseconds = at.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)milliseconds;
            milliseconds >>= 8;
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
