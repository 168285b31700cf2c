namespace Observer.Providers.Catalog;

// YAML shapes of the catalog (embedded catalog.yaml and the --config file's `providers:` list).
// Settable classes because YamlDotNet binds by property; they never leave this assembly.

internal sealed class CatalogDocument
{
    public int Version { get; set; }

    public List<string>? LocalHosts { get; set; }

    public List<ProviderDocument>? Providers { get; set; }
}

internal sealed class ProviderDocument
{
    public string? Slug { get; set; }

    public string? Name { get; set; }

    public string? Category { get; set; }

    public string? Parser { get; set; }

    public List<string>? Hosts { get; set; }

    public List<PathDocument>? Paths { get; set; }

    public List<string>? CredentialHeaders { get; set; }

    public string? PricesFrom { get; set; }

    public bool? MatchOtherPaths { get; set; }
}

internal sealed class PathDocument
{
    public string? Pattern { get; set; }

    public string? Operation { get; set; }

    public string? Parser { get; set; }

    public string? Method { get; set; }
}
