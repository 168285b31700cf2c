using Observer.Providers.Catalog;

namespace Observer.Providers.Parsers;

/// <summary>The parser instance of each family (parsers are stateless).</summary>
internal sealed class ParserRegistry
{
    private readonly Dictionary<string, WireParser> _parsers = new(StringComparer.Ordinal)
    {
        [ParserFamilies.OpenAi] = new OpenAiParser(),
        [ParserFamilies.None] = new NoneParser(),
    };

    public WireParser Get(string family) => _parsers.GetValueOrDefault(family) ?? _parsers[ParserFamilies.None];

    internal void Register(string family, WireParser parser) => _parsers[family] = parser;
}
