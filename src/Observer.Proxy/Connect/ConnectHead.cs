using System.Buffers;
using System.Text;

namespace Observer.Proxy.Connect;

/// <summary>Classifies the first bytes of a connection: a CONNECT head, something else, or not enough bytes yet.</summary>
internal static class ConnectHead
{
    private static ReadOnlySpan<byte> ConnectPrefix => "CONNECT "u8;

    private static ReadOnlySpan<byte> HeadEnd => "\r\n\r\n"u8;

    public enum Kind
    {
        NeedMore,
        NotConnect,
        Complete,
        TooLarge,
        Invalid,
    }

    /// <summary>
    /// Inspects the buffered bytes. On <see cref="Kind.Complete"/>, <paramref name="headEnd"/> is the position after
    /// the blank line and <paramref name="target"/> the parsed authority.
    /// </summary>
    public static Kind Classify(in ReadOnlySequence<byte> buffer, int maxBytes, out SequencePosition headEnd, out ConnectTarget? target)
    {
        headEnd = buffer.Start;
        target = null;
        Span<byte> prefix = stackalloc byte[8];
        var n = (int)Math.Min(buffer.Length, prefix.Length);
        buffer.Slice(0, n).CopyTo(prefix);
        if (!ConnectPrefix[..n].SequenceEqual(prefix[..n]))
        {
            return Kind.NotConnect;
        }

        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> head, HeadEnd, advancePastDelimiter: true))
        {
            return buffer.Length > maxBytes ? Kind.TooLarge : Kind.NeedMore;
        }

        if (head.Length + 4 > maxBytes)
        {
            return Kind.TooLarge;
        }

        headEnd = reader.Position;
        var lineReader = new SequenceReader<byte>(head);
        if (!lineReader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
        {
            line = head;
        }

        var text = Encoding.ASCII.GetString(line).TrimEnd('\r');
        var parts = text.Split(' ');
        if (parts.Length != 3 || parts[0] != "CONNECT" || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !ConnectTarget.TryParse(parts[1], out target))
        {
            return Kind.Invalid;
        }

        return Kind.Complete;
    }
}
