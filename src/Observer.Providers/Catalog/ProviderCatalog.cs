using System.Collections.Frozen;

namespace Observer.Providers.Catalog;

/// <summary>
/// The providers the observer recognises, with host lookup tuned for the proxy's hot path: exact hosts in a frozen
/// dictionary, wildcard patterns scanned in catalog order after that.
/// </summary>
public sealed class ProviderCatalog
{
    private readonly FrozenDictionary<string, ProviderEntry> _exactAnyPort;
    private readonly FrozenDictionary<string, ProviderEntry> _exactWithPort;
    private readonly (HostPattern Pattern, ProviderEntry Provider)[] _wildcards;
    private readonly FrozenDictionary<string, ProviderEntry> _bySlug;

    public ProviderCatalog(IReadOnlyList<ProviderEntry> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        Providers = providers;
        var anyPort = new Dictionary<string, ProviderEntry>(StringComparer.OrdinalIgnoreCase);
        var withPort = new Dictionary<string, ProviderEntry>(StringComparer.OrdinalIgnoreCase);
        var wildcards = new List<(HostPattern, ProviderEntry)>();
        foreach (var provider in providers)
        {
            foreach (var host in provider.Hosts)
            {
                if (!host.IsExact)
                {
                    wildcards.Add((host, provider));
                }
                else if (host.Port is { } port)
                {
                    withPort.TryAdd(host.HostText + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture), provider);
                }
                else
                {
                    anyPort.TryAdd(host.HostText, provider);
                }
            }
        }

        _exactAnyPort = anyPort.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _exactWithPort = withPort.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _wildcards = [.. wildcards];
        _bySlug = providers.ToFrozenDictionary(p => p.Slug, StringComparer.Ordinal);
    }

    public IReadOnlyList<ProviderEntry> Providers { get; }

    public ProviderEntry? Find(string slug) => _bySlug.GetValueOrDefault(slug);

    /// <summary>The provider serving a host (and port, for port-specific entries such as local servers), or null.</summary>
    public ProviderEntry? MatchHost(string host, int port)
    {
        var name = host.AsSpan().TrimEnd('.');
        if (_exactWithPort.Count > 0)
        {
            var withPort = string.Concat(name, ":", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (_exactWithPort.TryGetValue(withPort, out var local))
            {
                return local;
            }
        }

        var lookup = _exactAnyPort.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (pattern, provider) in _wildcards)
        {
            if (pattern.Matches(host, port))
            {
                return provider;
            }
        }

        return null;
    }

    /// <summary>Matches a request; null when the host is no provider's, or the path is not one the provider lists and it accepts no others.</summary>
    public CatalogMatch? Match(string host, int port, string method, string path)
    {
        var provider = MatchHost(host, port);
        if (provider is null)
        {
            return null;
        }

        foreach (var rule in provider.Paths)
        {
            if (rule.Method is { } m && !string.Equals(m, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (rule.Pattern.Matches(path, out var model))
            {
                return new CatalogMatch(provider, rule.Operation, rule.Parser ?? provider.Parser, model);
            }
        }

        return provider.MatchOtherPaths ? new CatalogMatch(provider, Operations.Other, ParserFamilies.None, null) : null;
    }
}
