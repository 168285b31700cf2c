namespace Observer.Providers.Parsers;

/// <summary>Normalises providers' stop words to <c>stop</c>, <c>length</c>, <c>tool_calls</c>, <c>content_filter</c>, <c>error</c>; others pass through lower-cased.</summary>
internal static class FinishReasons
{
    public const string Stop = "stop";
    public const string Length = "length";
    public const string ToolCalls = "tool_calls";
    public const string ContentFilter = "content_filter";
    public const string Error = "error";

    public static string? Normalize(string? word)
    {
        if (string.IsNullOrEmpty(word))
        {
            return null;
        }

        return word.ToLowerInvariant() switch
        {
            "stop" or "end_turn" or "stop_sequence" or "complete" or "completed" or "eos" or "finish_reason_stop" or "end" => Stop,
            "length" or "max_tokens" or "max_output_tokens" or "model_length" or "max_tokens_reached" => Length,
            "tool_calls" or "tool_use" or "function_call" or "tool_call" => ToolCalls,
            "content_filter" or "safety" or "recitation" or "blocklist" or "prohibited_content" or "spii" or "refusal"
                or "guardrail_intervened" or "content_filtered" or "image_safety" => ContentFilter,
            "error" or "failed" or "malformed_function_call" => Error,
            var other => other,
        };
    }
}
