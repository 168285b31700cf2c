namespace Observer.Proxy.Observation;

/// <summary>
/// Counts every byte of a body and copies the first <c>limit</c> of them. The copy grows by doubling, so a small
/// body costs a small buffer; nothing beyond the limit is ever held.
/// </summary>
internal sealed class BodyTap
{
    private readonly int _limit;
    private byte[] _buffer = [];
    private int _length;

    public BodyTap(int limit, long? sizeHint)
    {
        _limit = limit;
        if (sizeHint is > 0)
        {
            _buffer = new byte[(int)Math.Min(sizeHint.Value, limit)];
        }
    }

    public long Total { get; private set; }

    public bool Truncated => Total > _length;

    public ReadOnlyMemory<byte> Captured => _buffer.AsMemory(0, _length);

    public void Append(ReadOnlySpan<byte> data)
    {
        Total += data.Length;
        var room = _limit - _length;
        if (room <= 0 || data.IsEmpty)
        {
            return;
        }

        var take = Math.Min(room, data.Length);
        if (_length + take > _buffer.Length)
        {
            var size = Math.Max(Math.Max(4096, _buffer.Length * 2), _length + take);
            Array.Resize(ref _buffer, Math.Min(size, _limit));
        }

        data[..take].CopyTo(_buffer.AsSpan(_length));
        _length += take;
    }
}
