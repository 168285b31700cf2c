using System.Collections.Frozen;

namespace Observer.Providers.Pricing;

/// <summary>
/// The versioned price table: per provider, model-name prefixes, the longest matching prefix winning
/// (<c>gpt-4o-mini</c> before <c>gpt-4o</c>). Lookups ignore case, a <c>models/</c> prefix (Gemini) and the
/// cross-region prefix of Bedrock inference profiles (<c>us.anthropic.…</c>).
/// </summary>
public sealed class PriceTable
{
    private static readonly string[] RegionPrefixes = ["us.", "eu.", "apac.", "global.", "us-gov.", "jp.", "au."];
    private readonly FrozenDictionary<string, ModelPrice[]> _byProvider;

    public PriceTable(string version, string? date, IEnumerable<ModelPrice> prices)
    {
        Version = version;
        Date = date;
        _byProvider = prices
            .GroupBy(p => p.Provider, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.OrderByDescending(p => p.ModelPrefix.Length).ToArray(),
                StringComparer.Ordinal);
    }

    public string Version { get; }

    public string? Date { get; }

    public int Count => _byProvider.Values.Sum(v => v.Length);

    /// <summary>The price entry for a provider and model, or null when the table has none.</summary>
    public ModelPrice? Find(string provider, string? model)
    {
        if (!_byProvider.TryGetValue(provider, out var entries))
        {
            return null;
        }

        var name = model.AsSpan().Trim();
        if (name.StartsWith("models/", StringComparison.OrdinalIgnoreCase))
        {
            name = name["models/".Length..];
        }

        foreach (var region in RegionPrefixes)
        {
            if (name.StartsWith(region, StringComparison.OrdinalIgnoreCase))
            {
                name = name[region.Length..];
                break;
            }
        }

        foreach (var entry in entries)
        {
            if (name.StartsWith(entry.ModelPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }
}
