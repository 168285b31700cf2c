using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Observer.Providers.Parsers;

/// <summary>
/// Transcodes SSE event data (strings, as the proxy hands them) into one reused pooled UTF-8 buffer, so reading
/// hundreds of events allocates nothing per event; also copies JSON string values into the reply without a string.
/// </summary>
internal sealed class Utf8Event : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);

    public ReadOnlySpan<byte> Encode(string data) => Encode(data.AsSpan());

    public ReadOnlySpan<byte> Encode(ReadOnlySpan<char> data)
    {
        var max = Encoding.UTF8.GetMaxByteCount(data.Length);
        if (max > _buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(max);
        }

        var length = Encoding.UTF8.GetBytes(data, _buffer);
        return _buffer.AsSpan(0, length);
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    /// <summary>Appends the current string token to the reply; true when it was not empty.</summary>
    public static bool AppendString(ref Utf8JsonReader reader, ParsedCall call)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var max = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (max == 0)
        {
            return false;
        }

        if (max <= 1024)
        {
            Span<char> chars = stackalloc char[max];
            var written = reader.CopyString(chars);
            call.AppendReply(chars[..written]);
            return written > 0;
        }

        var text = reader.GetString() ?? "";
        call.AppendReply(text);
        return text.Length > 0;
    }

    /// <summary>Parses the object the reader stands on (StartObject) as a document, leaving the reader at its end.</summary>
    public static JsonDocument? CaptureObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        return JsonRead.TryParse(json[start..end].ToArray());
    }
}
