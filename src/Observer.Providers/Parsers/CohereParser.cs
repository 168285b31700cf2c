using System.Text.Json;
using Observer.Contracts.Signals;

namespace Observer.Providers.Parsers;

/// <summary>
/// Cohere v1 (chat, generate, embed, rerank: <c>meta.billed_units</c>) and v2 (chat, embed, rerank: <c>usage</c>),
/// streamed as v2 SSE (<c>message-end</c> carries usage) or v1 newline-delimited JSON (<c>stream-end</c>).
/// Billed units are preferred to raw token counts: they are what is charged.
/// </summary>
internal sealed class CohereParser : WireParser
{
    public override void ParseRequest(ParseInput input, ParsedCall call)
    {
        using var document = ParseRequestObject(input, call);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        if (root.TryGetArray("messages", out var messages))
        {
            OpenAiRequestReader.HashMessages(messages, call);
            return;
        }

        var hasher = call.Conversation;
        if (root.Str("preamble") is { } preamble)
        {
            Hash(hasher, "SYSTEM", preamble);
            call.NoteMessage("system", preamble);
        }

        if (root.TryGetArray("chat_history", out var history))
        {
            foreach (var turn in history.EnumerateArray())
            {
                var role = turn.Str("role") ?? "USER";
                var text = turn.Str("message") ?? "";
                Hash(hasher, role, text);
                call.NoteMessage(role == "USER" ? "user" : role.ToLowerInvariant(), text);
            }
        }

        if ((root.Str("message") ?? root.Str("prompt")) is { } message)
        {
            Hash(hasher, "USER", message);
            call.NoteMessage("user", message);
        }

        call.HasConversation = hasher.MessageCount > 0;
    }

    private static void Hash(ConversationHasher hasher, string role, string text)
    {
        hasher.BeginMessage(role);
        hasher.AddText(text);
        hasher.EndMessage();
    }

    public override void ParseResponse(ParseInput input, ParsedCall call)
    {
        if (input.IsStreamResponse)
        {
            call.Streamed = true;
            foreach (var sse in input.Events)
            {
                using var document = JsonRead.TryParse(System.Text.Encoding.UTF8.GetBytes(sse.Data));
                if (document is not null && ReadEvent(document.RootElement, call) && call.TtftMs is null && sse.AtMs >= 0)
                {
                    call.TtftMs = sse.AtMs;
                }
            }

            return;
        }

        if (NdJson.Looks(input.ResponseBody.Span))
        {
            call.Streamed = true;
            call.Chunks = NdJson.ForEach(input.ResponseBody, line => ReadEvent(line, call));
            return;
        }

        using var body = JsonRead.TryParse(input.ResponseBody);
        if (body is not null)
        {
            ReadResponse(body.RootElement, call);
        }
    }

    public override string? PromptText(ParseInput input) => OpenAiRequestReader.PromptText(input.RequestBody);

    private static void ReadResponse(JsonElement root, ParsedCall call)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        call.FinishReason = FinishReasons.Normalize(root.Str("finish_reason")) ?? call.FinishReason;
        if (root.TryGetObject("usage", out var usage))
        {
            ReadUsage(usage, call);
        }
        else if (root.TryGetObject("meta", out var meta))
        {
            ReadUsage(meta, call);
        }

        if (root.TryGetObject("message", out var message))
        {
            call.ReplyRole = message.Str("role") ?? "assistant";
            if (message.TryGet("content", out var content))
            {
                call.AppendReply(MessageText.Of(content));
            }

            if (message.TryGetArray("tool_calls", out var toolCalls))
            {
                foreach (var toolCall in toolCalls.EnumerateArray())
                {
                    call.AddIssuedToolCall(toolCall.Str("id"));
                }
            }
        }
        else if (root.Str("text") is { } text)
        {
            call.ReplyRole = "CHATBOT";
            call.AppendReply(text);
        }
        else if (root.TryGetArray("generations", out var generations) && generations.GetArrayLength() > 0)
        {
            call.ReplyRole = "CHATBOT";
            call.AppendReply(generations[0].Str("text") ?? "");
            call.FinishReason = FinishReasons.Normalize(generations[0].Str("finish_reason")) ?? call.FinishReason;
        }
    }

    /// <summary>A usage/meta object: <c>billed_units</c> preferred, <c>tokens</c> otherwise.</summary>
    private static void ReadUsage(JsonElement usage, ParsedCall call)
    {
        var billed = usage.TryGetObject("billed_units", out var b) ? b : (JsonElement?)null;
        var tokens = usage.TryGetObject("tokens", out var t) ? t : (JsonElement?)null;
        var input = billed?.Long("input_tokens") ?? tokens?.Long("input_tokens");
        var output = billed?.Long("output_tokens") ?? tokens?.Long("output_tokens");
        if (input is null && output is null)
        {
            return;
        }

        call.UsageReported = true;
        call.InputTokens = input;
        call.OutputTokens = output;
        call.TotalTokens = (input ?? 0) + (output ?? 0);
    }

    /// <summary>A v2 SSE event or a v1 stream line; true when it carried content.</summary>
    private static bool ReadEvent(JsonElement root, ParsedCall call)
    {
        switch (root.Str("type") ?? root.Str("event_type"))
        {
            case "content-delta" when root.TryGetObject("delta", out var delta)
                && delta.TryGetObject("message", out var message) && message.TryGetObject("content", out var content):
                var text = content.Str("text") ?? "";
                call.ReplyRole ??= "assistant";
                call.AppendReply(text);
                return text.Length > 0;
            case "tool-call-start" when root.TryGetObject("delta", out var toolDelta)
                && toolDelta.TryGetObject("message", out var toolMessage) && toolMessage.TryGetObject("tool_calls", out var toolCall):
                call.AddIssuedToolCall(toolCall.Str("id"));
                return true;
            case "message-end" when root.TryGetObject("delta", out var end):
                call.FinishReason = FinishReasons.Normalize(end.Str("finish_reason")) ?? call.FinishReason;
                if (end.TryGetObject("usage", out var usage))
                {
                    ReadUsage(usage, call);
                }

                if (end.TryGetObject("error", out var error) || end.Str("error") is not null)
                {
                    call.Error = new SignalError("stream_error", ErrorExtractor.Cut(end.Str("error") ?? error.Str("message")));
                }

                return false;
            case "text-generation":
                var chunk = root.Str("text") ?? "";
                call.ReplyRole ??= "CHATBOT";
                call.AppendReply(chunk);
                return chunk.Length > 0;
            case "stream-end" when root.TryGetObject("response", out var response):
                var replySoFar = call.ReplyText.Length;
                call.FinishReason = FinishReasons.Normalize(root.Str("finish_reason")) ?? call.FinishReason;
                if (response.TryGetObject("meta", out var meta))
                {
                    ReadUsage(meta, call);
                }

                if (replySoFar == 0)
                {
                    ReadResponse(response, call);
                }

                return false;
            default:
                return false;
        }
    }
}
