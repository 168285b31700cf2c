using System.Buffers.Binary;
using System.Text;

namespace Observer.Providers.Tests.Support;

/// <summary>Writes AWS event-stream frames as Bedrock sends them (prelude, CRC32s, string headers, JSON payload).</summary>
internal static class AwsEventStreamWriter
{
    public static byte[] Frames(params (string EventType, string Json)[] events)
    {
        using var output = new MemoryStream();
        foreach (var (eventType, json) in events)
        {
            var headers = new MemoryStream();
            WriteHeader(headers, ":event-type", eventType);
            WriteHeader(headers, ":content-type", "application/json");
            WriteHeader(headers, ":message-type", "event");
            var headerBytes = headers.ToArray();
            var payload = Encoding.UTF8.GetBytes(json);
            var total = 12 + headerBytes.Length + payload.Length + 4;
            var frame = new byte[total];
            BinaryPrimitives.WriteInt32BigEndian(frame, total);
            BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), headerBytes.Length);
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), Crc32(frame.AsSpan(0, 8)));
            headerBytes.CopyTo(frame, 12);
            payload.CopyTo(frame, 12 + headerBytes.Length);
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(total - 4), Crc32(frame.AsSpan(0, total - 4)));
            output.Write(frame);
        }

        return output.ToArray();
    }

    private static void WriteHeader(Stream stream, string name, string value)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var valueBytes = Encoding.UTF8.GetBytes(value);
        stream.WriteByte((byte)nameBytes.Length);
        stream.Write(nameBytes);
        stream.WriteByte(7);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)valueBytes.Length);
        stream.Write(length);
        stream.Write(valueBytes);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
