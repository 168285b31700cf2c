using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Observer.Proxy.Observation;

/// <summary>
/// Write-through wrapper of the response body towards the client. Each write is tapped (bounded copy, SSE events
/// with arrival time) and passed on at once; flushes pass through, so streamed chunks are never held back.
/// </summary>
internal sealed class ResponseTapStream : Stream
{
    private readonly Stream _inner;
    private readonly HttpResponse _response;
    private readonly ExchangeObservation _observation;
    private bool _inspected;

    public ResponseTapStream(Stream inner, HttpResponse response, ExchangeObservation observation)
    {
        _inner = inner;
        _response = response;
        _observation = observation;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Observe(buffer.Span);
        return _inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Observe(buffer.AsSpan(offset, count));
        _inner.Write(buffer, offset, count);
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        _observation.MarkFirstResponseByte();
        return _inner.FlushAsync(cancellationToken);
    }

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Observe(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        _observation.MarkFirstResponseByte(now);
        if (!_inspected)
        {
            _inspected = true;
            _observation.InspectResponse(_response);
        }

        _observation.ResponseWrites++;
        _observation.ResponseBody!.Append(data);
        _observation.Sse?.Feed(data, _observation.ElapsedMs(now));
    }
}
