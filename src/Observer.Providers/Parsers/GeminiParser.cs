using System.Text.Json;

namespace Observer.Providers.Parsers;

/// <summary>
/// Google Gemini API and Vertex AI <c>generateContent</c> / <c>streamGenerateContent</c> (SSE with <c>alt=sse</c>, or a
/// streamed JSON array) and embeddings. The model comes from the path. <c>candidatesTokenCount</c> excludes
/// thinking, so output tokens are normalised to candidates + <c>thoughtsTokenCount</c> (reported as reasoning).
/// </summary>
internal sealed class GeminiParser : WireParser
{
    public override void ParseRequest(ParseInput input, ParsedCall call)
    {
        using var document = JsonRead.TryParse(input.RequestBody);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var root = document.RootElement;
        call.Model ??= root.Str("model");
        var hasher = call.Conversation;
        if (root.TryGetObject("systemInstruction", out var system) || root.TryGetObject("system_instruction", out system))
        {
            hasher.BeginMessage("system");
            var text = HashParts(system, hasher, call);
            hasher.EndMessage();
            call.NoteMessage("system", text);
        }

        if (root.TryGetArray("contents", out var contents))
        {
            foreach (var content in contents.EnumerateArray())
            {
                var role = content.Str("role") ?? "user";
                hasher.BeginMessage(role);
                var text = HashParts(content, hasher, call);
                hasher.EndMessage();
                call.NoteMessage(role, text);
            }
        }

        call.HasConversation = hasher.MessageCount > 0;
    }

    private static string HashParts(JsonElement content, ConversationHasher hasher, ParsedCall call)
    {
        if (!content.TryGetArray("parts", out var parts))
        {
            return "";
        }

        string? joined = null;
        foreach (var part in parts.EnumerateArray())
        {
            if (part.Bool("thought") == true)
            {
                continue;
            }

            if (part.Str("text") is { } text)
            {
                hasher.AddText(text);
                joined = joined is null ? text : joined + "\n" + text;
            }
            else if (part.TryGetObject("functionCall", out var functionCall))
            {
                hasher.AddToolId(functionCall.Str("id") ?? functionCall.Str("name") ?? "");
            }
            else if (part.TryGetObject("functionResponse", out var functionResponse))
            {
                var id = functionResponse.Str("id") ?? functionResponse.Str("name") ?? "";
                hasher.AddToolId(id);
                call.AddAnsweredToolCall(id);
            }
        }

        return joined ?? "";
    }

    public override void ParseResponse(ParseInput input, ParsedCall call)
    {
        if (input.IsStreamResponse)
        {
            call.Streamed = true;
            foreach (var sse in input.Events)
            {
                using var chunk = JsonRead.TryParse(System.Text.Encoding.UTF8.GetBytes(sse.Data));
                if (chunk is not null && ReadChunk(chunk.RootElement, call) && call.TtftMs is null && sse.AtMs >= 0)
                {
                    call.TtftMs = sse.AtMs;
                }
            }

            return;
        }

        using var document = JsonRead.TryParse(input.ResponseBody);
        if (document is null)
        {
            ReadTruncatedArray(input.ResponseBody, call);
            return;
        }

        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            // streamGenerateContent without alt=sse: a JSON array of chunks.
            call.Streamed = true;
            call.Chunks = root.GetArrayLength();
            foreach (var element in root.EnumerateArray())
            {
                ReadChunk(element, call);
            }
        }
        else
        {
            ReadChunk(root, call);
        }
    }

    public override string? PromptText(ParseInput input) => OpenAiRequestReader.PromptText(input.RequestBody);

    /// <summary>One GenerateContentResponse; true when it carried content. Usage is cumulative: the last one wins.</summary>
    private static bool ReadChunk(JsonElement root, ParsedCall call)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        call.ResponseModel = root.Str("modelVersion") ?? call.ResponseModel;
        if (root.TryGetObject("usageMetadata", out var usage))
        {
            ReadUsage(usage, call);
        }

        var content = false;
        if (root.TryGetArray("candidates", out var candidates) && candidates.GetArrayLength() > 0)
        {
            var candidate = candidates[0];
            call.FinishReason = FinishReasons.Normalize(candidate.Str("finishReason")) ?? call.FinishReason;
            if (candidate.TryGetObject("content", out var body) && body.TryGetArray("parts", out var parts))
            {
                call.ReplyRole = body.Str("role") ?? "model";
                foreach (var part in parts.EnumerateArray())
                {
                    if (part.Bool("thought") == true)
                    {
                        content = true;
                        continue;
                    }

                    if (part.Str("text") is { Length: > 0 } text)
                    {
                        call.AppendReply(text);
                        content = true;
                    }
                    else if (part.TryGetObject("functionCall", out var functionCall))
                    {
                        call.AddIssuedToolCall(functionCall.Str("id") ?? functionCall.Str("name"));
                        content = true;
                    }
                }
            }
        }

        if (root.TryGetObject("promptFeedback", out var feedback) && feedback.Str("blockReason") is not null)
        {
            call.FinishReason = FinishReasons.ContentFilter;
        }

        return content;
    }

    private static void ReadUsage(JsonElement usage, ParsedCall call)
    {
        var prompt = usage.Long("promptTokenCount");
        var candidates = usage.Long("candidatesTokenCount");
        var thoughts = usage.Long("thoughtsTokenCount");
        var toolPrompt = usage.Long("toolUsePromptTokenCount");
        var total = usage.Long("totalTokenCount");
        if (prompt is null && candidates is null && total is null)
        {
            return;
        }

        call.UsageReported = true;
        call.InputTokens = prompt is null && toolPrompt is null ? null : (prompt ?? 0) + (toolPrompt ?? 0);
        call.OutputTokens = candidates is null && thoughts is null ? 0 : (candidates ?? 0) + (thoughts ?? 0);
        call.ReasoningTokens = thoughts;
        call.CacheReadInputTokens = usage.Long("cachedContentTokenCount");
        call.TotalTokens = total ?? (call.InputTokens ?? 0) + (call.OutputTokens ?? 0);
    }

    /// <summary>A streamed JSON array cut by the tap limit: read the complete chunks it holds.</summary>
    private static void ReadTruncatedArray(ReadOnlyMemory<byte> body, ParsedCall call)
    {
        var span = body.Span.TrimStart(" \r\n"u8);
        if (span.Length == 0 || span[0] != (byte)'[')
        {
            return;
        }

        var reader = new Utf8JsonReader(span, isFinalBlock: false, default);
        try
        {
            if (!reader.Read())
            {
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                var start = (int)reader.TokenStartIndex;
                if (!reader.TrySkip())
                {
                    return;
                }

                using var chunk = JsonRead.TryParse(span[start..(int)reader.BytesConsumed].ToArray());
                if (chunk is not null)
                {
                    call.Streamed = true;
                    call.Chunks = (call.Chunks ?? 0) + 1;
                    ReadChunk(chunk.RootElement, call);
                }
            }
        }
        catch (JsonException)
        {
            // The complete chunks before the cut are kept.
        }
    }
}
