using System.Globalization;
using System.Net;

namespace Observer.Proxy.Connect;

/// <summary>The authority of a CONNECT request: the host (lower case, no brackets) and port the tunnel is for.</summary>
internal sealed record ConnectTarget(string Host, int Port)
{
    /// <summary>Host for a URI or Host header (IPv6 in brackets).</summary>
    public string UriHost => Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host;

    /// <summary>Parses <c>host:port</c> or <c>[v6]:port</c>; rejects anything that is not a plausible host name or IP.</summary>
    public static bool TryParse(ReadOnlySpan<char> authority, out ConnectTarget? target)
    {
        target = null;
        var colon = authority.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is <= 0 or > 65535)
        {
            return false;
        }

        var host = authority[..colon];
        if (host.Length > 2 && host[0] == '[' && host[^1] == ']')
        {
            if (!IPAddress.TryParse(host[1..^1], out var v6))
            {
                return false;
            }

            target = new ConnectTarget(v6.ToString(), port);
            return true;
        }

        if (host.Length > 253 || !IsHostName(host))
        {
            return false;
        }

        target = new ConnectTarget(host.ToString().ToLowerInvariant(), port);
        return true;
    }

    private static bool IsHostName(ReadOnlySpan<char> host)
    {
        foreach (var c in host)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
