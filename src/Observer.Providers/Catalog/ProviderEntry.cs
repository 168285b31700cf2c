namespace Observer.Providers.Catalog;

/// <summary>One provider of the catalog.</summary>
public sealed record ProviderEntry
{
    /// <summary>Stable slug put in <c>provider</c> (<c>openai</c>, <c>amazon_polly</c>, …).</summary>
    public required string Slug { get; init; }

    /// <summary>Display name put in <c>provider_name</c>.</summary>
    public required string DisplayName { get; init; }

    public required string Category { get; init; }

    /// <summary>The parser family for paths that do not name their own.</summary>
    public required string Parser { get; init; }

    public required IReadOnlyList<HostPattern> Hosts { get; init; }

    /// <summary>Path rules in order; the first match wins.</summary>
    public IReadOnlyList<PathRule> Paths { get; init; } = [];

    /// <summary>Header fields that carry this provider's credentials (redacted everywhere).</summary>
    public IReadOnlyList<string> CredentialHeaders { get; init; } = [];

    /// <summary>Another provider's slug whose prices apply when this one has none (Azure OpenAI → OpenAI).</summary>
    public string? PricesFrom { get; init; }

    /// <summary>When true, a request to a matching host on an unlisted path is still a call (operation <c>other</c>).</summary>
    public bool MatchOtherPaths { get; init; } = true;
}
