using System.Text.Json;

namespace Observer.Providers.Parsers;

/// <summary>
/// OpenAI-family usage objects: Chat/Completions (<c>prompt_tokens</c>, <c>completion_tokens</c>, <c>*_details</c>),
/// Responses/Realtime/transcription (<c>input_tokens</c>, <c>output_tokens</c>, <c>*_tokens_details</c>), DeepSeek's
/// <c>prompt_cache_hit_tokens</c>, OpenRouter's <c>cost</c>, and transcription <c>{type:"duration", seconds}</c>.
/// </summary>
internal static class OpenAiUsage
{
    public static void Read(JsonElement usage, ParsedCall call)
    {
        if (usage.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (usage.Str("type") == "duration" && usage.Double("seconds") is { } seconds)
        {
            call.AudioSeconds = seconds;
            call.UsageReported = true;
            return;
        }

        var input = usage.Long("prompt_tokens") ?? usage.Long("input_tokens");
        var output = usage.Long("completion_tokens") ?? usage.Long("output_tokens");
        var total = usage.Long("total_tokens");
        if (input is null && output is null && total is null)
        {
            return;
        }

        call.UsageReported = true;
        call.InputTokens = input;
        call.OutputTokens = output;
        call.TotalTokens = total ?? (input ?? 0) + (output ?? 0);

        if (Details(usage, "prompt_tokens_details", "input_tokens_details", "input_token_details") is { } inputDetails)
        {
            call.CacheReadInputTokens = inputDetails.Long("cached_tokens") ?? call.CacheReadInputTokens;
            call.AudioInputTokens = inputDetails.Long("audio_tokens") ?? call.AudioInputTokens;
        }

        if (Details(usage, "completion_tokens_details", "output_tokens_details", "output_token_details") is { } outputDetails)
        {
            call.ReasoningTokens = outputDetails.Long("reasoning_tokens") ?? call.ReasoningTokens;
            call.AudioOutputTokens = outputDetails.Long("audio_tokens") ?? call.AudioOutputTokens;
        }

        // xAI counts reasoning outside completion_tokens (total = prompt + completion + reasoning): fold it into output
        // so output_tokens means the same for every provider.
        if (call.ReasoningTokens is > 0 && input is not null && output is not null && total == input + output + call.ReasoningTokens)
        {
            call.OutputTokens = output + call.ReasoningTokens;
        }

        // DeepSeek reports its context cache apart from the OpenAI details.
        if (usage.Long("prompt_cache_hit_tokens") is { } hit)
        {
            call.CacheReadInputTokens = hit;
        }

        if (usage.Decimal("cost") is { } cost)
        {
            call.ReportedCostUsd = cost;
        }
    }

    private static JsonElement? Details(JsonElement usage, string a, string b, string c) =>
        usage.TryGetObject(a, out var x) ? x : usage.TryGetObject(b, out var y) ? y : usage.TryGetObject(c, out var z) ? z : null;
}
