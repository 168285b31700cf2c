using System.Text.RegularExpressions;

namespace Observer.Providers.Catalog;

/// <summary>Turns YAML provider documents into validated <see cref="ProviderEntry"/>s, naming the bad entry on error.</summary>
internal static partial class CatalogBuilder
{
    public const string LocalSlug = "local";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex SlugRegex();

    /// <summary>Merges overrides into the defaults: an override with an existing slug replaces that entry, a new slug is appended.</summary>
    public static List<ProviderDocument> Merge(IEnumerable<ProviderDocument> defaults, IEnumerable<ProviderDocument>? overrides)
    {
        var merged = defaults.ToList();
        foreach (var entry in overrides ?? [])
        {
            var index = merged.FindIndex(p => string.Equals(p.Slug, entry.Slug, StringComparison.Ordinal));
            if (index >= 0)
            {
                merged[index] = entry;
            }
            else
            {
                merged.Add(entry);
            }
        }

        return merged;
    }

    public static ProviderEntry Build(ProviderDocument document, int index, string origin, IReadOnlyList<string> localHosts)
    {
        var where = $"{origin} providers[{index}]" + (document.Slug is null ? "" : $" ('{document.Slug}')");
        var slug = document.Slug ?? throw Fail(where, "has no slug");
        if (!SlugRegex().IsMatch(slug))
        {
            throw Fail(where, $"slug '{slug}' must be lower-case letters, digits, '_' or '-'");
        }

        var category = document.Category ?? throw Fail(where, "has no category");
        if (!ProviderCategories.All.Contains(category))
        {
            throw Fail(where, $"category '{category}' is not one of {string.Join(", ", ProviderCategories.All)}");
        }

        var parser = document.Parser ?? ParserFamilies.None;
        CheckParser(where, parser);
        var hostTexts = (document.Hosts ?? []).ToList();
        if (slug == LocalSlug)
        {
            hostTexts.AddRange(localHosts);
        }

        var hosts = new List<HostPattern>();
        foreach (var text in hostTexts.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                hosts.Add(HostPattern.Parse(text));
            }
            catch (FormatException e)
            {
                throw Fail(where, e.Message);
            }
        }

        if (hosts.Count == 0 && slug != LocalSlug)
        {
            throw Fail(where, "has no hosts");
        }

        var paths = new List<PathRule>();
        foreach (var path in document.Paths ?? [])
        {
            var pattern = path.Pattern ?? throw Fail(where, "has a path without a pattern");
            var operation = path.Operation ?? throw Fail(where, $"path '{pattern}' has no operation");
            if (!Operations.All.Contains(operation))
            {
                throw Fail(where, $"path '{pattern}': operation '{operation}' is not one of {string.Join(", ", Operations.All)}");
            }

            if (path.Parser is not null)
            {
                CheckParser(where, path.Parser);
            }

            try
            {
                paths.Add(new PathRule(PathPattern.Parse(pattern), operation, path.Parser, path.Method));
            }
            catch (FormatException e)
            {
                throw Fail(where, e.Message);
            }
        }

        return new ProviderEntry
        {
            Slug = slug,
            DisplayName = string.IsNullOrWhiteSpace(document.Name) ? slug : document.Name,
            Category = category,
            Parser = parser,
            Hosts = hosts,
            Paths = paths,
            CredentialHeaders = document.CredentialHeaders ?? [],
            PricesFrom = document.PricesFrom,
            MatchOtherPaths = document.MatchOtherPaths ?? true,
        };
    }

    private static void CheckParser(string where, string parser)
    {
        if (!ParserFamilies.All.Contains(parser))
        {
            throw Fail(where, $"parser '{parser}' is not one of {string.Join(", ", ParserFamilies.All)}");
        }
    }

    private static ProvidersConfigurationException Fail(string where, string problem) => new($"{where}: {problem}");
}
