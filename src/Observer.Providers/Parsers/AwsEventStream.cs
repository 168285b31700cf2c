using System.Buffers.Binary;
using System.Text;

namespace Observer.Providers.Parsers;

/// <summary>
/// Decodes the AWS event-stream framing (<c>application/vnd.amazon.eventstream</c>) of Bedrock's streamed responses:
/// each message is a 12-byte prelude (total length, headers length, CRC), typed headers, a payload and a CRC.
/// Only the <c>:event-type</c> header and the payload are kept; a frame cut by the tap limit ends the walk.
/// </summary>
internal static class AwsEventStream
{
    private const int PreludeBytes = 12;
    private const int TrailerBytes = 4;

    public static bool Looks(ReadOnlySpan<byte> body, string? contentType) =>
        (contentType?.Contains("amazon.eventstream", StringComparison.OrdinalIgnoreCase) ?? false)
        || (body.Length >= PreludeBytes && body[0] == 0 && BinaryPrimitives.ReadInt32BigEndian(body) is > PreludeBytes + TrailerBytes and < 16 * 1024 * 1024);

    public static IEnumerable<(string? EventType, ReadOnlyMemory<byte> Payload)> Read(ReadOnlyMemory<byte> body)
    {
        var offset = 0;
        while (body.Length - offset >= PreludeBytes + TrailerBytes)
        {
            var span = body.Span[offset..];
            var total = BinaryPrimitives.ReadInt32BigEndian(span);
            var headersLength = BinaryPrimitives.ReadInt32BigEndian(span[4..]);
            if (total < PreludeBytes + TrailerBytes || total > span.Length || headersLength < 0 || headersLength > total - PreludeBytes - TrailerBytes)
            {
                yield break;
            }

            var eventType = EventType(span.Slice(PreludeBytes, headersLength));
            var payloadStart = offset + PreludeBytes + headersLength;
            var payloadLength = total - PreludeBytes - headersLength - TrailerBytes;
            yield return (eventType, body.Slice(payloadStart, payloadLength));
            offset += total;
        }
    }

    private static string? EventType(ReadOnlySpan<byte> headers)
    {
        var at = 0;
        while (at < headers.Length)
        {
            int nameLength = headers[at];
            if (at + 1 + nameLength + 1 > headers.Length)
            {
                return null;
            }

            var name = headers.Slice(at + 1, nameLength);
            at += 1 + nameLength;
            var type = headers[at++];
            int valueLength;
            switch (type)
            {
                case 0 or 1: valueLength = 0; break;
                case 2: valueLength = 1; break;
                case 3: valueLength = 2; break;
                case 4: valueLength = 4; break;
                case 5 or 8: valueLength = 8; break;
                case 9: valueLength = 16; break;
                case 6 or 7:
                    if (at + 2 > headers.Length)
                    {
                        return null;
                    }

                    valueLength = BinaryPrimitives.ReadUInt16BigEndian(headers[at..]);
                    at += 2;
                    break;
                default: return null;
            }

            if (at + valueLength > headers.Length)
            {
                return null;
            }

            if (type == 7 && name.SequenceEqual(":event-type"u8))
            {
                return Encoding.UTF8.GetString(headers.Slice(at, valueLength));
            }

            at += valueLength;
        }

        return null;
    }
}
