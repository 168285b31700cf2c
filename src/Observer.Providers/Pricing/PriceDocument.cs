namespace Observer.Providers.Pricing;

// YAML shapes of prices.yaml and of the --config file's `prices:` list.

internal sealed class PriceDocument
{
    public string? Version { get; set; }

    public string? Date { get; set; }

    public List<PriceEntryDocument>? Prices { get; set; }
}

internal sealed class PriceEntryDocument
{
    public string? Provider { get; set; }

    public string? Model { get; set; }

    public decimal? Input { get; set; }
    public decimal? Output { get; set; }
    public decimal? CacheRead { get; set; }
    public decimal? CacheWrite { get; set; }
    public decimal? Reasoning { get; set; }
    public decimal? AudioInput { get; set; }
    public decimal? AudioOutput { get; set; }
    public decimal? PerImage { get; set; }
    public decimal? PerSecond { get; set; }

    /// <summary>Convenience for speech prices quoted per minute; converted to per second.</summary>
    public decimal? PerMinute { get; set; }

    /// <summary>Convenience for speech prices quoted per hour; converted to per second.</summary>
    public decimal? PerHour { get; set; }

    public decimal? PerCharacter { get; set; }

    /// <summary>Convenience for TTS prices quoted per million characters.</summary>
    public decimal? PerMillionCharacters { get; set; }

    public decimal? PerRequest { get; set; }
}
