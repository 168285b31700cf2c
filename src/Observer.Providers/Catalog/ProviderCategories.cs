namespace Observer.Providers.Catalog;

/// <summary>The <c>category</c> vocabulary of SIGNALS.md.</summary>
public static class ProviderCategories
{
    public const string Llm = "llm";
    public const string SpeechToText = "speech_to_text";
    public const string TextToSpeech = "text_to_speech";
    public const string Communication = "communication";
    public const string Local = "local";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Llm, SpeechToText, TextToSpeech, Communication, Local,
    };
}
