using System.Globalization;
using System.Net;

namespace Observer.Proxy.Forwarding;

/// <summary>
/// A <c>--resolve HOST:PORT=ADDR:PORT</c> override: connections to HOST:PORT go to ADDR:PORT instead.
/// SNI and the Host header keep HOST; only the TCP destination changes.
/// </summary>
public sealed record ResolveOverride(string Host, int Port, string Address, int TargetPort)
{
    public static bool TryParse(string text, out ResolveOverride? value, out string? error)
    {
        value = null;
        var eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
        {
            error = $"'{text}' is not HOST:PORT=ADDR:PORT";
            return false;
        }

        if (!TrySplit(text[..eq], out var host, out var port) || host.Length == 0)
        {
            error = $"'{text}': '{text[..eq]}' is not HOST:PORT";
            return false;
        }

        if (!TrySplit(text[(eq + 1)..], out var address, out var targetPort) || !IPAddress.TryParse(address, out _))
        {
            error = $"'{text}': '{text[(eq + 1)..]}' is not ADDR:PORT with an IP address";
            return false;
        }

        value = new ResolveOverride(host.ToLowerInvariant(), port, address, targetPort);
        error = null;
        return true;
    }

    public override string ToString() => $"{Host}:{Port}={Address}:{TargetPort}";

    private static bool TrySplit(string text, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        host = text[..colon].Trim('[', ']');
        return int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is > 0 and <= 65535;
    }
}
