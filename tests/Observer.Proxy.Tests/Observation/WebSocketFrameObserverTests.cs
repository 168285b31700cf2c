using System.Text;
using Observer.Proxy.Observation;

namespace Observer.Proxy.Tests.Observation;

public sealed class WebSocketFrameObserverTests
{
    private readonly List<(bool IsText, long Length, string? Text, bool Cut)> _messages = [];

    [Fact]
    public void MaskedFragmentedTextWithInterleavedPing_IsOneMessage()
    {
        var observer = new WebSocketFrameObserver(1024, (t, l, s, c) => _messages.Add((t, l, s, c)));
        var bytes = Frame(0x01, fin: false, "Hel", mask: true)
            .Concat(Frame(0x09, fin: true, "ping", mask: true))
            .Concat(Frame(0x00, fin: true, "lo", mask: true))
            .ToArray();

        // Byte by byte: every header and payload boundary is crossed mid-read.
        foreach (var b in bytes)
        {
            observer.Feed([b]);
        }

        Assert.Equal([(true, 5L, "Hello", false)], _messages);
    }

    [Fact]
    public void LargeUnmaskedBinaryWith64BitLength_IsCountedWithoutText()
    {
        var observer = new WebSocketFrameObserver(16, (t, l, s, c) => _messages.Add((t, l, s, c)));
        observer.Feed(Frame(0x02, fin: true, new string('x', 70_000), mask: false));

        Assert.Equal([(false, 70_000L, null, false)], _messages);
    }

    [Fact]
    public void TextBeyondTheBound_IsCut()
    {
        var observer = new WebSocketFrameObserver(4, (t, l, s, c) => _messages.Add((t, l, s, c)));
        observer.Feed(Frame(0x01, fin: true, "abcdefgh", mask: true));

        Assert.Equal([(true, 8L, "abcd", true)], _messages);
    }

    private static byte[] Frame(int opcode, bool fin, string payload, bool mask)
    {
        var data = Encoding.UTF8.GetBytes(payload);
        var frame = new List<byte> { (byte)((fin ? 0x80 : 0) | opcode) };
        var maskBit = mask ? 0x80 : 0;
        if (data.Length < 126)
        {
            frame.Add((byte)(maskBit | data.Length));
        }
        else if (data.Length <= ushort.MaxValue)
        {
            frame.Add((byte)(maskBit | 126));
            frame.Add((byte)(data.Length >> 8));
            frame.Add((byte)data.Length);
        }
        else
        {
            frame.Add((byte)(maskBit | 127));
            for (var i = 7; i >= 0; i--)
            {
                frame.Add((byte)((long)data.Length >> (8 * i)));
            }
        }

        byte[] key = [0x11, 0x22, 0x33, 0x44];
        if (mask)
        {
            frame.AddRange(key);
        }

        for (var i = 0; i < data.Length; i++)
        {
            frame.Add(mask ? (byte)(data[i] ^ key[i & 3]) : data[i]);
        }

        return [.. frame];
    }
}
