using System.Diagnostics;

namespace Observer.Proxy.Observation;

/// <summary>Read-through wrapper of the client's request body: whatever the forwarder reads is also tapped.</summary>
internal sealed class RequestTapStream : Stream
{
    private readonly Stream _inner;
    private readonly BodyTap _tap;

    public RequestTapStream(Stream inner, BodyTap tap)
    {
        _inner = inner;
        _tap = tap;
    }

    /// <summary>Stopwatch timestamp of the last byte read from the client, 0 while none was read.</summary>
    public long LastReadAt { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (n > 0)
        {
            _tap.Append(buffer.Span[..n]);
            LastReadAt = Stopwatch.GetTimestamp();
        }

        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = _inner.Read(buffer, offset, count);
        _tap.Append(buffer.AsSpan(offset, n));
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
