namespace Observer.Providers.Catalog;

/// <summary>Wire-format parser families a catalog entry (or one of its paths) can name.</summary>
public static class ParserFamilies
{
    public const string OpenAi = "openai";
    public const string Anthropic = "anthropic";
    public const string Gemini = "gemini";
    public const string Cohere = "cohere";
    public const string Bedrock = "bedrock";
    public const string Ollama = "ollama";
    public const string Deepgram = "deepgram";
    public const string AssemblyAi = "assemblyai";
    public const string SpeechToText = "speech_to_text";
    public const string TextToSpeech = "text_to_speech";
    public const string AzureSpeech = "azure_speech";
    public const string Communication = "communication";
    public const string Rooms = "rooms";

    /// <summary>Reports the call (status, timing, provider error) without reading usage.</summary>
    public const string None = "none";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        OpenAi, Anthropic, Gemini, Cohere, Bedrock, Ollama, Deepgram, AssemblyAi, SpeechToText, TextToSpeech,
        AzureSpeech, Communication, Rooms, None,
    };
}
