using System.Text;
using System.Text.Json;
using Observer.Providers.Catalog;

namespace Observer.Providers.Parsers;

/// <summary>Reads OpenAI-family request bodies: model, stream flag, messages (hashed), Responses API input, speech input.</summary>
internal static class OpenAiRequestReader
{
    public static void Read(ParseInput input, ParsedCall call)
    {
        var body = input.RequestBody;
        if (input.Exchange.RequestHeaders["content-type"] is { } type && type.Contains("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            call.Model ??= Multipart.Field(body.Span, "model");
            return;
        }

        using var document = JsonRead.TryParse(body);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            // Truncated or invalid: the model usually comes first, so scan for it.
            call.Model ??= JsonScan.TopLevelString(body.Span, "model");
            return;
        }

        var root = document.RootElement;
        call.Model ??= root.Str("model");
        call.PreviousResponseId = root.Str("previous_response_id");

        if (root.TryGetArray("messages", out var messages))
        {
            HashMessages(messages, call);
        }
        else if (root.TryGet("input", out var responsesInput) && input.Operation == Operations.Chat)
        {
            HashResponsesInput(root, responsesInput, call);
        }
        else if (input.Operation == Operations.SpeechSynthesis && root.Str("input") is { } speech)
        {
            call.Characters = new StringInfoLength(speech).Value;
        }
        else if (root.TryGet("prompt", out var prompt))
        {
            call.NoteMessage("user", MessageText.Of(prompt));
        }
    }

    public static void HashMessages(JsonElement messages, ParsedCall call)
    {
        var hasher = call.Conversation;
        foreach (var message in messages.EnumerateArray())
        {
            var role = message.Str("role") ?? "user";
            hasher.BeginMessage(role);
            var text = message.TryGet("content", out var content) ? MessageText.Hash(content, hasher) : "";
            if (message.TryGetArray("tool_calls", out var toolCalls))
            {
                foreach (var toolCall in toolCalls.EnumerateArray())
                {
                    if (toolCall.Str("id") is { } id)
                    {
                        hasher.AddToolId(id);
                    }
                }
            }

            if (message.Str("tool_call_id") is { } answered)
            {
                hasher.AddToolId(answered);
                call.AddAnsweredToolCall(answered);
            }

            hasher.EndMessage();
            call.NoteMessage(role, text);
        }

        call.HasConversation = hasher.MessageCount > 0;
    }

    private static void HashResponsesInput(JsonElement root, JsonElement input, ParsedCall call)
    {
        var hasher = call.Conversation;
        if (root.Str("instructions") is { } instructions)
        {
            hasher.BeginMessage("system");
            hasher.AddText(instructions);
            hasher.EndMessage();
            call.NoteMessage("system", instructions);
        }

        if (input.ValueKind == JsonValueKind.String)
        {
            var text = input.GetString() ?? "";
            hasher.BeginMessage("user");
            hasher.AddText(text);
            hasher.EndMessage();
            call.NoteMessage("user", text);
        }
        else if (input.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in input.EnumerateArray())
            {
                var type = item.Str("type");
                if (type is "function_call_output")
                {
                    call.AddAnsweredToolCall(item.Str("call_id"));
                }

                var role = item.Str("role") ?? type ?? "user";
                hasher.BeginMessage(role);
                var text = item.TryGet("content", out var content) ? MessageText.Hash(content, hasher) : "";
                if (item.Str("call_id") is { } callId)
                {
                    hasher.AddToolId(callId);
                }

                hasher.EndMessage();
                call.NoteMessage(role, text);
            }
        }

        call.HasConversation = hasher.MessageCount > 0;
    }

    /// <summary>All message text of a request, for token estimation.</summary>
    public static string? PromptText(ReadOnlyMemory<byte> body)
    {
        using var document = JsonRead.TryParse(body);
        if (document is null)
        {
            // Not JSON (or cut off): only a body that starts like JSON text is worth counting.
            var span = body.Span.TrimStart(" \r\n\t"u8);
            return span.Length > 0 && span[0] == (byte)'{' ? Encoding.UTF8.GetString(span) : null;
        }

        var root = document.RootElement;
        var text = new StringBuilder();
        foreach (var name in new[] { "messages", "input", "prompt", "instructions", "contents", "content", "system", "systemInstruction", "texts", "requests" })
        {
            if (!root.TryGet(name, out var value))
            {
                continue;
            }

            Collect(value, text);
        }

        return text.ToString();
    }

    private static void Collect(JsonElement value, StringBuilder text)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text.Append(value.GetString()).Append('\n');
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Collect(item, text);
                }

                break;
            case JsonValueKind.Object:
                foreach (var name in new[] { "content", "text", "parts" })
                {
                    if (value.TryGet(name, out var inner))
                    {
                        Collect(inner, text);
                    }
                }

                break;
        }
    }
}
