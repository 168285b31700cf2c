using Observer.Providers.Catalog;
using Observer.Providers.Parsers;
using Observer.Providers.Tokens;

namespace Observer.Providers.Detection;

/// <summary>Fills token counts with tokenizer estimates for LLM calls whose provider reported none.</summary>
internal static class UsageEstimation
{
    public static void Apply(WireParser parser, ParseInput input, ParsedCall call)
    {
        if (call.UsageReported || input.Match.Provider.Category is not (ProviderCategories.Llm or ProviderCategories.Local)
            || input.Operation is not (Operations.Chat or Operations.TextCompletion or Operations.Embeddings)
            || input.Exchange.Status is 0 or >= 400)
        {
            return;
        }

        var model = call.ResponseModel ?? call.Model;
        var prompt = parser.PromptText(input);
        if (prompt is null && !call.HasReply)
        {
            return;
        }

        var messages = call.Conversation.MessageCount;
        call.InputTokens ??= TokenEstimator.Count(prompt, model) + (messages > 0 ? (messages * TokenEstimator.TokensPerMessage) + TokenEstimator.TokensPerMessage : 0);
        if (input.Operation != Operations.Embeddings)
        {
            call.OutputTokens ??= TokenEstimator.Count(call.ReplyText.ToString(), model);
        }

        call.TotalTokens = (call.InputTokens ?? 0) + (call.OutputTokens ?? 0);
        call.Estimated = true;
    }
}
