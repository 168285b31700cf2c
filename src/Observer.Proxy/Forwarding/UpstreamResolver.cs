using System.Collections.Frozen;
using System.Net;

namespace Observer.Proxy.Forwarding;

/// <summary>Applies <see cref="ResolveOverride"/>s to upstream TCP destinations (intercepted and tunnelled alike).</summary>
internal sealed class UpstreamResolver
{
    private readonly FrozenDictionary<string, IPEndPoint> _overrides;

    public UpstreamResolver(IEnumerable<ResolveOverride> overrides)
    {
        _overrides = overrides
            .GroupBy(o => Key(o.Host, o.Port), StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => new IPEndPoint(IPAddress.Parse(g.Last().Address), g.Last().TargetPort), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The override for host:port, or null when the host is to be resolved normally.</summary>
    public IPEndPoint? Find(string host, int port) =>
        _overrides.Count == 0 ? null : _overrides.GetValueOrDefault(Key(host, port));

    /// <summary>The endpoint to connect to: the override, an IP literal, or the name for DNS.</summary>
    public EndPoint Resolve(string host, int port)
    {
        if (Find(host, port) is { } overridden)
        {
            return overridden;
        }

        return IPAddress.TryParse(host, out var ip) ? new IPEndPoint(ip, port) : new DnsEndPoint(host, port);
    }

    private static string Key(string host, int port) => string.Concat(host, ":", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
