using System.Globalization;
using System.Text.Json;

namespace Observer.Providers.Parsers;

/// <summary>
/// Amazon Bedrock runtime: Converse / ConverseStream (<c>usage.inputTokens</c>…, <c>stopReason</c>), and
/// InvokeModel / InvokeModelWithResponseStream whose bodies are the model vendor's own format (Claude's is read as
/// Anthropic Messages) with token counts in <c>X-Amzn-Bedrock-*-Token-Count</c> headers or invocation metrics.
/// Streams are AWS event-stream frames. The model id comes from the path.
/// </summary>
internal sealed class BedrockParser : WireParser
{
    public override void ParseRequest(ParseInput input, ParsedCall call)
    {
        if (IsClaudeInvoke(input, call))
        {
            AnthropicParser.ReadRequest(input.RequestBody, call);
            return;
        }

        using var document = JsonRead.TryParse(input.RequestBody);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var root = document.RootElement;
        if (root.TryGetArray("system", out var system))
        {
            call.HashMessage("system", system, HashBlocks);
        }

        if (root.TryGetArray("messages", out var messages))
        {
            foreach (var message in messages.EnumerateArray())
            {
                call.HashMessage(message.Str("role") ?? "user", message.TryGetArray("content", out var content) ? content : default, HashBlocks);
            }
        }

        call.HasConversation = call.Conversation.MessageCount > 0;
    }

    private static string HashBlocks(JsonElement blocks, ConversationHasher hasher, ParsedCall call)
    {
        string? joined = null;
        foreach (var block in blocks.EnumerateArray())
        {
            if (block.Str("text") is { } text)
            {
                hasher.AddText(text);
                joined = joined is null ? text : joined + "\n" + text;
            }
            else if (block.TryGetObject("toolUse", out var toolUse) && toolUse.Str("toolUseId") is { } id)
            {
                hasher.AddToolId(id);
            }
            else if (block.TryGetObject("toolResult", out var toolResult) && toolResult.Str("toolUseId") is { } answered)
            {
                hasher.AddToolId(answered);
                call.AddAnsweredToolCall(answered);
            }
        }

        return joined ?? "";
    }

    public override void ParseResponse(ParseInput input, ParsedCall call)
    {
        var claude = IsClaudeInvoke(input, call);
        if (AwsEventStream.Looks(input.ResponseBody.Span, input.ResponseContentType))
        {
            call.Streamed = true;
            foreach (var (eventType, payload) in AwsEventStream.Read(input.ResponseBody))
            {
                call.Chunks = (call.Chunks ?? 0) + 1;
                ReadStreamEvent(eventType, payload, claude, call);
            }
        }
        else
        {
            using var document = JsonRead.TryParse(input.ResponseBody);
            if (document is not null && claude)
            {
                AnthropicParser.ReadMessage(document.RootElement, call);
            }
            else if (document is not null)
            {
                ReadConverse(document.RootElement, call);
            }
        }

        var headers = input.Exchange.ResponseHeaders;
        if (!call.UsageReported && Parse(headers["x-amzn-bedrock-input-token-count"]) is { } inputTokens)
        {
            call.UsageReported = true;
            call.InputTokens = inputTokens;
            call.OutputTokens = Parse(headers["x-amzn-bedrock-output-token-count"]);
            call.TotalTokens = inputTokens + (call.OutputTokens ?? 0);
        }
    }

    public override string? PromptText(ParseInput input) => OpenAiRequestReader.PromptText(input.RequestBody);

    private static bool IsClaudeInvoke(ParseInput input, ParsedCall call) =>
        input.Exchange.Path.Contains("/invoke", StringComparison.Ordinal)
        && (call.Model ?? input.Match.PathModel ?? "").Contains("anthropic.", StringComparison.OrdinalIgnoreCase);

    /// <summary>Converse output (also Nova/Titan invoke bodies and Llama's <c>generation</c> shape).</summary>
    private static void ReadConverse(JsonElement root, ParsedCall call)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        call.FinishReason = FinishReasons.Normalize(root.Str("stopReason") ?? root.Str("stop_reason")) ?? call.FinishReason;
        if (root.TryGetObject("usage", out var usage))
        {
            ReadUsage(usage, call);
        }
        else if (root.Long("prompt_token_count") is { } prompt)
        {
            call.UsageReported = true;
            call.InputTokens = prompt;
            call.OutputTokens = root.Long("generation_token_count");
            call.TotalTokens = prompt + (call.OutputTokens ?? 0);
        }

        if (root.TryGetObject("output", out var output) && output.TryGetObject("message", out var message))
        {
            call.ReplyRole = message.Str("role") ?? "assistant";
            if (message.TryGetArray("content", out var content))
            {
                foreach (var block in content.EnumerateArray())
                {
                    if (block.Str("text") is { } text)
                    {
                        if (call.ReplyText.Length > 0)
                        {
                            call.AppendReply("\n");
                        }

                        call.AppendReply(text);
                    }
                    else if (block.TryGetObject("toolUse", out var toolUse))
                    {
                        call.AddIssuedToolCall(toolUse.Str("toolUseId"));
                    }
                }
            }
        }
        else if (root.Str("generation") is { } generation)
        {
            call.ReplyRole = "assistant";
            call.AppendReply(generation);
        }
    }

    /// <summary>Converse usage; input normalised to include cache reads and writes, like Anthropic's.</summary>
    private static void ReadUsage(JsonElement usage, ParsedCall call)
    {
        var input = usage.Long("inputTokens");
        var output = usage.Long("outputTokens");
        if (input is null && output is null)
        {
            return;
        }

        call.UsageReported = true;
        call.CacheReadInputTokens = usage.Long("cacheReadInputTokens");
        call.CacheCreationInputTokens = usage.Long("cacheWriteInputTokens");
        call.InputTokens = (input ?? 0) + (call.CacheReadInputTokens ?? 0) + (call.CacheCreationInputTokens ?? 0);
        call.OutputTokens = output;
        call.TotalTokens = call.InputTokens + (output ?? 0);
    }

    private static void ReadStreamEvent(string? eventType, ReadOnlyMemory<byte> payload, bool claude, ParsedCall call)
    {
        using var document = JsonRead.TryParse(payload);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        switch (eventType)
        {
            case "chunk" when root.Str("bytes") is { } base64:
                var inner = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
                if (claude)
                {
                    AnthropicParser.ReadEvent(inner, call);
                }

                using (var chunk = JsonRead.TryParse(System.Text.Encoding.UTF8.GetBytes(inner)))
                {
                    if (chunk is not null && chunk.RootElement.TryGetObject("amazon-bedrock-invocationMetrics", out var metrics) && !call.UsageReported)
                    {
                        call.UsageReported = true;
                        call.InputTokens = metrics.Long("inputTokenCount");
                        call.OutputTokens = metrics.Long("outputTokenCount");
                        call.TotalTokens = (call.InputTokens ?? 0) + (call.OutputTokens ?? 0);
                    }
                }

                break;
            case "messageStart":
                call.ReplyRole = root.Str("role") ?? "assistant";
                break;
            case "contentBlockStart" when root.TryGetObject("start", out var start) && start.TryGetObject("toolUse", out var toolUse):
                call.AddIssuedToolCall(toolUse.Str("toolUseId"));
                break;
            case "contentBlockDelta" when root.TryGetObject("delta", out var delta) && delta.Str("text") is { } text:
                call.AppendReply(text);
                break;
            case "messageStop":
                call.FinishReason = FinishReasons.Normalize(root.Str("stopReason")) ?? call.FinishReason;
                break;
            case "metadata" when root.TryGetObject("usage", out var usage):
                ReadUsage(usage, call);
                break;
        }
    }

    private static long? Parse(string? value) => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
