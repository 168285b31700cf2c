using Observer.Providers.Catalog;

namespace Observer.Providers.Parsers;

/// <summary>The parser instance of each family (parsers are stateless).</summary>
internal sealed class ParserRegistry
{
    private readonly Dictionary<string, WireParser> _parsers = new(StringComparer.Ordinal)
    {
        [ParserFamilies.OpenAi] = new OpenAiParser(),
        [ParserFamilies.Anthropic] = new AnthropicParser(),
        [ParserFamilies.Gemini] = new GeminiParser(),
        [ParserFamilies.Cohere] = new CohereParser(),
        [ParserFamilies.Bedrock] = new BedrockParser(),
        [ParserFamilies.Ollama] = new OllamaParser(),
        [ParserFamilies.Deepgram] = new DeepgramParser(),
        [ParserFamilies.AssemblyAi] = new AssemblyAiParser(),
        [ParserFamilies.SpeechToText] = new SpeechToTextParser(),
        [ParserFamilies.TextToSpeech] = new TextToSpeechParser(),
        [ParserFamilies.AzureSpeech] = new AzureSpeechParser(),
        [ParserFamilies.Communication] = new CommunicationParser(),
        [ParserFamilies.Rooms] = new RoomsParser(),
        [ParserFamilies.None] = new NoneParser(),
    };

    public WireParser Get(string family) => _parsers.GetValueOrDefault(family) ?? _parsers[ParserFamilies.None];
}
