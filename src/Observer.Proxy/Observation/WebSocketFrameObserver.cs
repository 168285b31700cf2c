using System.Buffers.Binary;
using System.Text;

namespace Observer.Proxy.Observation;

/// <summary>
/// Incremental RFC 6455 frame parser for one direction of a WebSocket. It sees the bytes as they are copied and
/// reports each complete data message (length, and text up to a bound); control frames are skipped. Only the
/// current message's text prefix is held.
/// </summary>
internal sealed class WebSocketFrameObserver
{
    private readonly int _textLimit;
    private readonly Action<bool, long, string?, bool> _onMessage;
    private readonly byte[] _header = new byte[14];
    private int _headerLength;
    private int _headerNeeded = 2;
    private long _payloadRemaining;
    private long _payloadOffset;
    private bool _masked;
    private bool _fin;
    private bool _control;
    private int _opcode;

    // Current message (across continuation frames).
    private bool _messageIsText;
    private bool _messageCompressed;
    private long _messageLength;
    private byte[]? _text;
    private int _textLength;
    private bool _textCut;

    /// <param name="textLimit">Bytes of text kept per message.</param>
    /// <param name="onMessage">(isText, length, text or null, textCut) for each complete data message.</param>
    public WebSocketFrameObserver(int textLimit, Action<bool, long, string?, bool> onMessage)
    {
        _textLimit = textLimit;
        _onMessage = onMessage;
    }

    public void Feed(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_headerLength < _headerNeeded)
            {
                var take = Math.Min(_headerNeeded - _headerLength, data.Length);
                data[..take].CopyTo(_header.AsSpan(_headerLength));
                _headerLength += take;
                data = data[take..];
                if (_headerLength == _headerNeeded && !ParseHeader())
                {
                    continue;
                }

                if (_headerLength < _headerNeeded)
                {
                    continue;
                }

                if (_payloadRemaining == 0)
                {
                    EndFrame();
                }

                continue;
            }

            var n = (int)Math.Min(_payloadRemaining, data.Length);
            if (!_control)
            {
                CaptureText(data[..n]);
            }

            _payloadRemaining -= n;
            _payloadOffset += n;
            data = data[n..];
            if (_payloadRemaining == 0)
            {
                EndFrame();
            }
        }
    }

    /// <summary>Returns false when more header bytes are needed (extended length or mask key).</summary>
    private bool ParseHeader()
    {
        var b1 = _header[1];
        var len7 = b1 & 0x7F;
        var needed = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((b1 & 0x80) != 0 ? 4 : 0);
        if (_headerNeeded < needed)
        {
            _headerNeeded = needed;
            return false;
        }

        var b0 = _header[0];
        _fin = (b0 & 0x80) != 0;
        _opcode = b0 & 0x0F;
        _control = (_opcode & 0x08) != 0;
        _masked = (b1 & 0x80) != 0;
        _payloadRemaining = len7 switch
        {
            126 => BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(2)),
            127 => (long)BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(2)),
            _ => len7,
        };
        _payloadOffset = 0;
        if (!_control && _opcode != 0)
        {
            _messageIsText = _opcode == 1;
            _messageCompressed = (b0 & 0x40) != 0;
            _messageLength = 0;
            _textLength = 0;
            _textCut = false;
        }

        if (!_control)
        {
            _messageLength += _payloadRemaining;
        }

        return true;
    }

    private void CaptureText(ReadOnlySpan<byte> payload)
    {
        if (!_messageIsText || _messageCompressed)
        {
            return;
        }

        var room = _textLimit - _textLength;
        if (room <= 0)
        {
            _textCut |= !payload.IsEmpty;
            return;
        }

        var take = Math.Min(room, payload.Length);
        _textCut |= take < payload.Length;
        if (_text is null || _text.Length < _textLength + take)
        {
            Array.Resize(ref _text, Math.Min(_textLimit, Math.Max(_textLength + take, (_text?.Length ?? 256) * 2)));
        }

        var target = _text.AsSpan(_textLength, take);
        payload[..take].CopyTo(target);
        if (_masked)
        {
            // The masking key is the last 4 bytes of the header.
            var key = _header.AsSpan(_headerNeeded - 4, 4);
            for (var i = 0; i < target.Length; i++)
            {
                target[i] ^= key[(int)((_payloadOffset + i) & 3)];
            }
        }

        _textLength += take;
    }

    private void EndFrame()
    {
        _headerLength = 0;
        _headerNeeded = 2;
        if (_control || !_fin)
        {
            return;
        }

        string? text = null;
        if (_messageIsText && !_messageCompressed)
        {
            text = _textLength == 0 ? "" : Encoding.UTF8.GetString(_text!, 0, _textLength);
        }

        _onMessage(_messageIsText, _messageLength, text, _textCut);
    }
}
