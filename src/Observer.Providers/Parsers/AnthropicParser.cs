using System.Text.Json;
using Observer.Contracts.Signals;

namespace Observer.Providers.Parsers;

/// <summary>
/// Anthropic Messages (also the body format of Claude on Bedrock <c>invoke</c>). Input tokens are normalised to
/// include cache reads and writes (<c>input_tokens + cache_creation_input_tokens + cache_read_input_tokens</c>), so
/// totals compare across providers; the cache parts are reported in their own fields.
/// </summary>
internal sealed class AnthropicParser : WireParser
{
    public override void ParseRequest(ParseInput input, ParsedCall call) => ReadRequest(input.RequestBody, call);

    public override void ParseResponse(ParseInput input, ParsedCall call)
    {
        if (input.IsStreamResponse)
        {
            call.Streamed = true;
            using var utf8 = new Utf8Event();
            foreach (var sse in input.Events)
            {
                // Text deltas are nearly every event: read them without building a document.
                var content = sse.EventType == "content_block_delta"
                    || (sse.EventType is null && sse.Data.StartsWith("{\"type\":\"content_block_delta\"", StringComparison.Ordinal))
                    ? ReadDelta(utf8.Encode(sse.Data), call)
                    : ReadEvent(sse.Data, call);
                if (content && call.TtftMs is null && sse.AtMs >= 0)
                {
                    call.TtftMs = sse.AtMs;
                }
            }

            return;
        }

        using var document = JsonRead.TryParse(input.ResponseBody);
        if (document is not null)
        {
            ReadMessage(document.RootElement, call);
        }
    }

    public override string? PromptText(ParseInput input) => OpenAiRequestReader.PromptText(input.RequestBody);

    public static void ReadRequest(ReadOnlyMemory<byte> body, ParsedCall call)
    {
        using var document = JsonRead.TryParse(body);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            call.Model ??= JsonScan.TopLevelString(body.Span, "model");
            return;
        }

        var root = document.RootElement;
        call.Model ??= root.Str("model");
        if (root.TryGet("system", out var system))
        {
            call.HashMessage("system", system, static (content, hasher, _) => MessageText.Hash(content, hasher));
        }

        if (root.TryGetArray("messages", out var messages))
        {
            foreach (var message in messages.EnumerateArray())
            {
                call.HashMessage(message.Str("role") ?? "user", message.TryGet("content", out var content) ? content : default, HashContent);
            }
        }

        call.HasConversation = call.Conversation.MessageCount > 0;
    }

    private static string HashContent(JsonElement content, ConversationHasher hasher, ParsedCall call)
    {
        if (content.ValueKind == JsonValueKind.Array)
        {
            foreach (var block in content.EnumerateArray())
            {
                switch (block.Str("type"))
                {
                    case "tool_use" when block.Str("id") is { } id:
                        hasher.AddToolId(id);
                        break;
                    case "tool_result" when block.Str("tool_use_id") is { } answered:
                        hasher.AddToolId(answered);
                        call.AddAnsweredToolCall(answered);
                        break;
                }
            }

            var texts = content.EnumerateArray().Where(b => b.Str("type") == "text");
            string? joined = null;
            foreach (var block in texts)
            {
                var text = block.Str("text") ?? "";
                hasher.AddText(text);
                joined = joined is null ? text : joined + "\n" + text;
            }

            return joined ?? "";
        }

        return MessageText.Hash(content, hasher);
    }

    /// <summary>A complete <c>message</c> object.</summary>
    public static void ReadMessage(JsonElement root, ParsedCall call)
    {
        if (root.ValueKind != JsonValueKind.Object || root.Str("type") == "error")
        {
            return;
        }

        call.ResponseModel = root.Str("model") ?? call.ResponseModel;
        call.ReplyRole = root.Str("role") ?? "assistant";
        call.FinishReason = FinishReasons.Normalize(root.Str("stop_reason")) ?? call.FinishReason;
        if (root.TryGetObject("usage", out var usage))
        {
            ReadUsage(usage, call);
        }

        if (root.TryGetArray("content", out var content))
        {
            var first = true;
            foreach (var block in content.EnumerateArray())
            {
                switch (block.Str("type"))
                {
                    case "text":
                        if (!first)
                        {
                            call.AppendReply("\n");
                        }

                        call.AppendReply(block.Str("text") ?? "");
                        first = false;
                        break;
                    case "tool_use":
                        call.AddIssuedToolCall(block.Str("id"));
                        break;
                }
            }
        }
    }

    /// <summary>Reads a usage object; the later values (message_delta) overwrite earlier ones (message_start).</summary>
    public static void ReadUsage(JsonElement usage, ParsedCall call)
    {
        var input = usage.Long("input_tokens");
        var cacheWrite = usage.Long("cache_creation_input_tokens");
        var cacheRead = usage.Long("cache_read_input_tokens");
        var output = usage.Long("output_tokens");
        if (input is null && output is null)
        {
            return;
        }

        call.UsageReported = true;
        if (input is not null)
        {
            call.CacheCreationInputTokens = cacheWrite ?? call.CacheCreationInputTokens;
            call.CacheReadInputTokens = cacheRead ?? call.CacheReadInputTokens;
            call.InputTokens = input + (call.CacheCreationInputTokens ?? 0) + (call.CacheReadInputTokens ?? 0);
        }

        call.OutputTokens = output ?? call.OutputTokens;
        call.TotalTokens = (call.InputTokens ?? 0) + (call.OutputTokens ?? 0);
    }

    /// <summary>
    /// A <c>content_block_delta</c> event read with a forward-only reader started at its <c>delta</c> object (a quoted
    /// property name cannot occur unescaped inside a JSON string, so the byte search cannot be fooled by content);
    /// true when it carried content.
    /// </summary>
    private static bool ReadDelta(ReadOnlySpan<byte> json, ParsedCall call)
    {
        var at = json.IndexOf("\"delta\":"u8);
        if (at < 0)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(json[(at + "\"delta\":"u8.Length)..]);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var content = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("text"u8))
                {
                    reader.Read();
                    content |= Utf8Event.AppendString(ref reader, call);
                }
                else if (reader.ValueTextEquals("partial_json"u8) || reader.ValueTextEquals("thinking"u8))
                {
                    reader.Read();
                    content |= reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > 0;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return content;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>One streamed event; true when it carried content.</summary>
    public static bool ReadEvent(string data, ParsedCall call)
    {
        if (data.Length == 0)
        {
            return false;
        }

        using var document = JsonRead.TryParse(System.Text.Encoding.UTF8.GetBytes(data));
        if (document is null)
        {
            return false;
        }

        var root = document.RootElement;
        switch (root.Str("type"))
        {
            case "message_start" when root.TryGetObject("message", out var message):
                ReadMessage(message, call);
                return false;
            case "content_block_start" when root.TryGetObject("content_block", out var block):
                if (block.Str("type") == "tool_use")
                {
                    call.AddIssuedToolCall(block.Str("id"));
                    return true;
                }

                if (block.Str("type") == "text" && call.ReplyText.Length > 0)
                {
                    call.AppendReply("\n");
                }

                return false;
            case "content_block_delta" when root.TryGetObject("delta", out var delta):
                if (delta.Str("text") is { } text)
                {
                    call.AppendReply(text);
                    return text.Length > 0;
                }

                return delta.Str("type") is "input_json_delta" or "thinking_delta";
            case "message_delta":
                if (root.TryGetObject("delta", out var messageDelta))
                {
                    call.FinishReason = FinishReasons.Normalize(messageDelta.Str("stop_reason")) ?? call.FinishReason;
                }

                if (root.TryGetObject("usage", out var usage))
                {
                    ReadUsage(usage, call);
                }

                return false;
            case "error" when root.TryGetObject("error", out var error):
                call.Error = new SignalError(error.Str("type") ?? "stream_error", ErrorExtractor.Cut(error.Str("message")));
                call.FinishReason = FinishReasons.Error;
                return false;
            default:
                return false;
        }
    }
}
