namespace Observer.Providers.Pricing;

/// <summary>Validates price documents and merges config overrides (same provider and model prefix replaces).</summary>
internal static class PriceTableBuilder
{
    public static PriceTable Build(PriceDocument defaults, IReadOnlyList<PriceEntryDocument>? overrides, string overrideOrigin)
    {
        var merged = new Dictionary<(string, string), ModelPrice>();
        var order = new List<(string, string)>();
        void Add(IReadOnlyList<PriceEntryDocument> entries, string origin)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var price = ToPrice(entries[i], $"{origin} prices[{i}]");
                var key = (price.Provider, price.ModelPrefix.ToLowerInvariant());
                if (!merged.ContainsKey(key))
                {
                    order.Add(key);
                }

                merged[key] = price;
            }
        }

        Add(defaults.Prices ?? [], "embedded prices.yaml");
        Add(overrides ?? [], overrideOrigin);
        return new PriceTable(defaults.Version ?? "unversioned", defaults.Date, order.Select(k => merged[k]));
    }

    private static ModelPrice ToPrice(PriceEntryDocument d, string where)
    {
        if (string.IsNullOrWhiteSpace(d.Provider))
        {
            throw new ProvidersConfigurationException($"{where}: has no provider");
        }

        var model = d.Model ?? throw new ProvidersConfigurationException($"{where} ('{d.Provider}'): has no model (use \"\" for the provider's default)");
        decimal?[] all = [d.Input, d.Output, d.CacheRead, d.CacheWrite, d.Reasoning, d.AudioInput, d.AudioOutput, d.PerImage,
            d.PerSecond, d.PerMinute, d.PerHour, d.PerCharacter, d.PerMillionCharacters, d.PerRequest];
        if (all.Any(v => v < 0))
        {
            throw new ProvidersConfigurationException($"{where} ('{d.Provider}' '{model}'): prices cannot be negative");
        }

        if (all.All(v => v is null))
        {
            throw new ProvidersConfigurationException($"{where} ('{d.Provider}' '{model}'): names no price");
        }

        return new ModelPrice
        {
            Provider = d.Provider,
            ModelPrefix = model,
            InputPerMTok = d.Input,
            OutputPerMTok = d.Output,
            CacheReadPerMTok = d.CacheRead,
            CacheWritePerMTok = d.CacheWrite,
            ReasoningPerMTok = d.Reasoning,
            AudioInputPerMTok = d.AudioInput,
            AudioOutputPerMTok = d.AudioOutput,
            PerImage = d.PerImage,
            PerSecond = d.PerSecond ?? (d.PerMinute / 60m) ?? (d.PerHour / 3600m),
            PerCharacter = d.PerCharacter ?? (d.PerMillionCharacters / 1_000_000m),
            PerRequest = d.PerRequest,
        };
    }
}
