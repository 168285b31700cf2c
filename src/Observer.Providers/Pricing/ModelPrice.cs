namespace Observer.Providers.Pricing;

/// <summary>
/// Prices of one provider's models sharing a model-name prefix (the longest matching prefix wins; an empty prefix is
/// the provider's default). Token prices are USD per million tokens; the others USD per unit. Null = not charged / unknown.
/// </summary>
public sealed record ModelPrice
{
    public required string Provider { get; init; }

    public required string ModelPrefix { get; init; }

    public decimal? InputPerMTok { get; init; }
    public decimal? OutputPerMTok { get; init; }

    /// <summary>Cached input read (OpenAI cached tokens, Anthropic cache reads, Gemini cached content).</summary>
    public decimal? CacheReadPerMTok { get; init; }

    /// <summary>Cache write (Anthropic cache creation).</summary>
    public decimal? CacheWritePerMTok { get; init; }

    /// <summary>Reasoning tokens, when priced apart from output (they are part of output tokens otherwise).</summary>
    public decimal? ReasoningPerMTok { get; init; }

    public decimal? AudioInputPerMTok { get; init; }
    public decimal? AudioOutputPerMTok { get; init; }
    public decimal? PerImage { get; init; }

    /// <summary>Speech-to-text audio, per second.</summary>
    public decimal? PerSecond { get; init; }

    /// <summary>Text-to-speech input, per character.</summary>
    public decimal? PerCharacter { get; init; }

    public decimal? PerRequest { get; init; }
}
