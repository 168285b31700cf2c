using System.Text;

namespace Observer.Providers.Parsers;

/// <summary>Reads one small text field of a <c>multipart/form-data</c> body (the <c>model</c> of an audio upload).</summary>
internal static class Multipart
{
    public const int MaxFieldBytes = 256;

    public static string? Field(ReadOnlySpan<byte> body, string name)
    {
        var marker = Encoding.UTF8.GetBytes($"name=\"{name}\"");
        var at = body.IndexOf(marker);
        if (at < 0)
        {
            return null;
        }

        var rest = body[(at + marker.Length)..];
        // Parts are CRLF-separated on the wire; bare LF is accepted from lenient clients.
        var headersEnd = rest.IndexOf("\r\n\r\n"u8);
        var separator = 4;
        if (headersEnd < 0)
        {
            headersEnd = rest.IndexOf("\n\n"u8);
            separator = 2;
        }

        if (headersEnd < 0)
        {
            return null;
        }

        var value = rest[(headersEnd + separator)..];
        var end = value.IndexOf("\n--"u8);
        if (end > 0 && value[end - 1] == (byte)'\r')
        {
            end--;
        }

        if (end < 0 || end > MaxFieldBytes)
        {
            return null;
        }

        return Encoding.UTF8.GetString(value[..end]).Trim();
    }
}
