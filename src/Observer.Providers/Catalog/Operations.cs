namespace Observer.Providers.Catalog;

/// <summary>The <c>operation</c> vocabulary of SIGNALS.md.</summary>
public static class Operations
{
    public const string Chat = "chat";
    public const string TextCompletion = "text_completion";
    public const string Embeddings = "embeddings";
    public const string ImageGeneration = "image_generation";
    public const string AudioTranscription = "audio_transcription";
    public const string AudioTranslation = "audio_translation";
    public const string SpeechSynthesis = "speech_synthesis";
    public const string Moderation = "moderation";
    public const string Rerank = "rerank";
    public const string Realtime = "realtime";
    public const string Call = "call";
    public const string Message = "message";
    public const string Room = "room";
    public const string Other = "other";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Chat, TextCompletion, Embeddings, ImageGeneration, AudioTranscription, AudioTranslation, SpeechSynthesis,
        Moderation, Rerank, Realtime, Call, Message, Room, Other,
    };
}
