using System.Globalization;
using Observer.Proxy.Connect;

namespace Observer.Proxy.Forwarding;

/// <summary>Where one request goes: from the tunnel's CONNECT authority, or from an absolute-form request target.</summary>
internal readonly record struct RequestTarget(string Host, int Port, bool Secure, string Prefix, string HostHeader, string PathAndQuery)
{
    public static bool TryResolve(ProxyConnectionFeature connection, string rawTarget, string hostHeader, out RequestTarget target)
    {
        if (connection.Target is { } tunnel)
        {
            // Inside a tunnel the authority is fixed by CONNECT; the Host header (or an absolute URI) cannot change it.
            var path = rawTarget.StartsWith('/') ? rawTarget : PathOf(rawTarget);
            var secure = connection.Tls;
            var isDefault = tunnel.Port == (secure ? 443 : 80);
            var header = isDefault ? tunnel.UriHost : tunnel.UriHost + ":" + tunnel.Port.ToString(CultureInfo.InvariantCulture);
            target = new RequestTarget(tunnel.Host, tunnel.Port, secure, connection.DestinationPrefix!, header, path);
            return true;
        }

        target = default;
        if (!rawTarget.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !rawTarget.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            && !rawTarget.StartsWith("ws://", StringComparison.OrdinalIgnoreCase) && !rawTarget.StartsWith("wss://", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!Uri.TryCreate(rawTarget, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return false;
        }

        var isSecure = uri.Scheme is "https" or "wss";
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.IdnHost.ToLowerInvariant();
        var uriHost = uri.HostNameType == UriHostNameType.IPv6 ? "[" + host + "]" : host;
        var port = uri.Port;
        var prefix = (isSecure ? "https://" : "http://") + uriHost + ":" + port.ToString(CultureInfo.InvariantCulture);
        var hostValue = string.IsNullOrEmpty(hostHeader) ? (uri.IsDefaultPort ? uriHost : uriHost + ":" + port.ToString(CultureInfo.InvariantCulture)) : hostHeader;
        target = new RequestTarget(host, port, isSecure, prefix, hostValue, PathOf(rawTarget));
        return true;
    }

    /// <summary>The raw path and query of an absolute URI, as the client sent them.</summary>
    private static string PathOf(string absolute)
    {
        var scheme = absolute.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return "/";
        }

        var slash = absolute.IndexOfAny(['/', '?'], scheme + 3);
        return slash < 0 ? "/" : absolute[slash] == '?' ? "/" + absolute[slash..] : absolute[slash..];
    }
}
