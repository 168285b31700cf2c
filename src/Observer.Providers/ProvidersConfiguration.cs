using Observer.Providers.Catalog;
using Observer.Providers.Pricing;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Observer.Providers;

/// <summary>
/// The provider catalog, the price table and the local model-server hosts, built once at start-up from the embedded
/// defaults and the optional <c>providers:</c>, <c>prices:</c> and <c>local_hosts:</c> keys of the observer's config file.
/// </summary>
public sealed class ProvidersConfiguration
{
    private ProvidersConfiguration(ProviderCatalog catalog, PriceTable prices)
    {
        Catalog = catalog;
        Prices = prices;
        CredentialHeaders = catalog.Providers
            .SelectMany(p => p.CredentialHeaders)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    public ProviderCatalog Catalog { get; }

    public PriceTable Prices { get; }

    /// <summary>Union of the providers' credential header names, for redaction.</summary>
    public IReadOnlyList<string> CredentialHeaders { get; }

    public static ProvidersConfiguration LoadDefault() => Load(null);

    /// <summary>Loads the defaults, then applies the config file's provider, price and local-host keys (other keys are ignored).</summary>
    /// <exception cref="ProvidersConfigurationException">An entry is invalid or the file cannot be read.</exception>
    public static ProvidersConfiguration Load(string? configFilePath, IEnumerable<string>? extraLocalHosts = null)
    {
        var catalogDocument = ReadEmbedded<CatalogDocument>("catalog.yaml");
        var priceDocument = ReadEmbedded<PriceDocument>("prices.yaml");
        var overrides = configFilePath is null ? new ConfigDocument() : ReadConfig(configFilePath);
        var origin = configFilePath ?? "config";

        var localHosts = (catalogDocument.LocalHosts ?? [])
            .Concat(overrides.LocalHosts ?? [])
            .Concat(extraLocalHosts ?? [])
            .ToList();
        foreach (var host in localHosts)
        {
            try
            {
                var pattern = HostPattern.Parse(host);
                if (pattern.Port is null || !pattern.IsExact)
                {
                    throw new FormatException($"'{host}' must be an exact host:port");
                }
            }
            catch (FormatException e)
            {
                throw new ProvidersConfigurationException($"{origin} local_hosts: {e.Message}");
            }
        }

        var documents = CatalogBuilder.Merge(catalogDocument.Providers ?? [], overrides.Providers);
        var entries = new List<ProviderEntry>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var fromConfig = overrides.Providers?.Contains(documents[i]) == true;
            var index = fromConfig ? overrides.Providers!.IndexOf(documents[i]) : i;
            entries.Add(CatalogBuilder.Build(documents[i], index, fromConfig ? origin : "embedded catalog.yaml", localHosts));
        }

        var prices = PriceTableBuilder.Build(priceDocument, overrides.Prices, origin);
        return new ProvidersConfiguration(new ProviderCatalog(entries), prices);
    }

    /// <summary>True when the proxy should intercept (TLS) connections to this host: some provider serves it.</summary>
    public bool IsProviderHost(string host, int port) => Catalog.MatchHost(host, port) is not null;

    private static IDeserializer CreateDeserializer() => new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private static T ReadEmbedded<T>(string name)
        where T : new()
    {
        using var stream = typeof(ProvidersConfiguration).Assembly.GetManifestResourceStream("Observer.Providers." + name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return CreateDeserializer().Deserialize<T>(reader) ?? new T();
    }

    private static ConfigDocument ReadConfig(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProvidersConfigurationException($"{path}: cannot be read ({e.Message})", e);
        }

        try
        {
            return CreateDeserializer().Deserialize<ConfigDocument>(text) ?? new ConfigDocument();
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).ReplaceLineEndings(" ");
            throw new ProvidersConfigurationException($"{path}: line {e.Start.Line}, column {e.Start.Column}: {message}", e);
        }
    }

    /// <summary>The keys this assembly reads from the observer's config file.</summary>
    private sealed class ConfigDocument
    {
        public List<ProviderDocument>? Providers { get; set; }

        public List<PriceEntryDocument>? Prices { get; set; }

        public List<string>? LocalHosts { get; set; }
    }
}
