using System.Text;
using Observer.Contracts.Exchanges;

namespace Observer.Proxy.Observation;

/// <summary>
/// Incremental <c>text/event-stream</c> parser fed with response bytes as they pass. Keeps events (with their
/// arrival time) until <c>limit</c> bytes of event data are held; after that it only counts.
/// </summary>
internal sealed class SseParser
{
    private const int MaxLineBytes = 1 << 20;
    private readonly int _limit;
    private readonly List<SseEvent> _events = [];
    private readonly List<byte> _line = [];
    private readonly StringBuilder _data = new();
    private string? _eventType;
    private bool _hasData;
    private bool _lastWasCr;
    private long _heldBytes;

    public SseParser(int limit) => _limit = limit;

    public IReadOnlyList<SseEvent> Events => _events;

    /// <summary>Events seen, including those beyond the bound.</summary>
    public int Count { get; private set; }

    public bool Degraded { get; private set; }

    public void Feed(ReadOnlySpan<byte> bytes, double atMs)
    {
        while (!bytes.IsEmpty)
        {
            if (_lastWasCr)
            {
                // "\r\n" is one line break, even when split across writes.
                _lastWasCr = false;
                if (bytes[0] == (byte)'\n')
                {
                    bytes = bytes[1..];
                    continue;
                }
            }

            var end = bytes.IndexOfAny((byte)'\r', (byte)'\n');
            var content = end < 0 ? bytes : bytes[..end];
            var room = MaxLineBytes - _line.Count;
            if (room > 0)
            {
                _line.AddRange(content.Length <= room ? content : content[..room]);
            }

            if (end < 0)
            {
                return;
            }

            _lastWasCr = bytes[end] == (byte)'\r';
            bytes = bytes[(end + 1)..];
            EndLine(atMs);
        }
    }

    private void EndLine(double atMs)
    {
        if (_line.Count == 0)
        {
            Dispatch(atMs);
            return;
        }

        var line = Encoding.UTF8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_line));
        _line.Clear();
        if (line[0] == ':')
        {
            return;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? "" : line[(colon + 1)..];
        if (value.StartsWith(' '))
        {
            value = value[1..];
        }

        if (field == "data")
        {
            if (_hasData)
            {
                _data.Append('\n');
            }

            _data.Append(value);
            _hasData = true;
        }
        else if (field == "event")
        {
            _eventType = value;
        }
    }

    private void Dispatch(double atMs)
    {
        if (!_hasData)
        {
            _eventType = null;
            return;
        }

        Count++;
        var data = _data.ToString();
        _data.Clear();
        _hasData = false;
        _heldBytes += data.Length;
        if (_heldBytes <= _limit)
        {
            _events.Add(new SseEvent(atMs, _eventType, data));
        }
        else
        {
            Degraded = true;
        }

        _eventType = null;
    }
}
