using Observer.Providers.Catalog;

namespace Observer.Providers.Parsers;

/// <summary>
/// The OpenAI wire family (OpenAI, Azure OpenAI, Groq, Together, Mistral, DeepSeek, xAI, OpenRouter, Fireworks,
/// Perplexity, local servers): Chat Completions, Responses, Completions, Embeddings, Images, Audio, Moderations.
/// </summary>
internal sealed class OpenAiParser : WireParser
{
    public override void ParseRequest(ParseInput input, ParsedCall call) => OpenAiRequestReader.Read(input, call);

    public override void ParseResponse(ParseInput input, ParsedCall call)
    {
        if (input.IsStreamResponse)
        {
            OpenAiStreamReader.Read(input, call);
        }
        else
        {
            OpenAiResponseReader.Read(input, call);
        }

        if (input.Operation == Operations.SpeechSynthesis && call.Characters is not null)
        {
            call.UsageReported = true;
        }
    }

    public override string? PromptText(ParseInput input) => OpenAiRequestReader.PromptText(input.RequestBody);
}
