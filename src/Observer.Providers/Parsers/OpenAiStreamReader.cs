using System.Text.Json;
using Observer.Contracts.Signals;

namespace Observer.Providers.Parsers;

/// <summary>
/// Streamed OpenAI-family responses. Chat/Completions chunks are walked with <see cref="Utf8JsonReader"/> (the hot
/// path: no document, no string per event); the rare usage/error objects are captured as documents. Responses API
/// events (<c>response.*</c>) are read as documents, the final <c>response.completed</c> carrying the usage.
/// </summary>
internal static class OpenAiStreamReader
{
    public static void Read(ParseInput input, ParsedCall call)
    {
        call.Streamed = true;
        using var utf8 = new Utf8Event();
        foreach (var sse in input.Events)
        {
            if (sse.Data.Length == 0 || sse.Data == "[DONE]")
            {
                continue;
            }

            bool content;
            try
            {
                if (call.ResponseModel is not null && sse.EventType is null && ChoicesOnly(sse.Data) is { } choicesAt)
                {
                    var choices = new Utf8JsonReader(utf8.Encode(sse.Data.AsSpan(choicesAt)));
                    content = choices.Read() && choices.TokenType == JsonTokenType.StartArray && ReadChoices(ref choices, call);
                }
                else
                {
                    var json = utf8.Encode(sse.Data);
                    content = sse.EventType is { } type && type.StartsWith("response.", StringComparison.Ordinal) || IsResponsesEvent(json)
                        ? ReadResponsesEvent(json, call)
                        : ReadChunk(json, call);
                }
            }
            catch (JsonException)
            {
                continue;
            }

            if (content && call.TtftMs is null && sse.AtMs >= 0)
            {
                call.TtftMs = sse.AtMs;
            }
        }
    }

    /// <summary>
    /// The hot path. Once the model is known, a chunk without a usage object, <c>x_groq</c> or <c>error</c> matters only
    /// for its choices: returns where the choices array starts, so only that part is transcoded and read (not id,
    /// object, created, model and system_fingerprint of every chunk). A quoted property name cannot occur unescaped
    /// inside a JSON string, so these searches cannot be fooled by content. Null: read the whole chunk.
    /// </summary>
    private static int? ChoicesOnly(string data)
    {
        const string Choices = "\"choices\":";
        var at = data.IndexOf(Choices, StringComparison.Ordinal);
        if (at <= 0 || data.Contains("\"x_groq\"", StringComparison.Ordinal) || data.Contains("\"error\"", StringComparison.Ordinal))
        {
            return null;
        }

        var usage = data.IndexOf("\"usage\":", StringComparison.Ordinal);
        if (usage >= 0 && data.AsSpan(usage + "\"usage\":".Length).TrimStart(" \t\r\n").StartsWith('{'))
        {
            return null;
        }

        return at + Choices.Length;
    }

    private static bool IsResponsesEvent(ReadOnlySpan<byte> json) =>
        json.Length > 20 && json[..Math.Min(json.Length, 40)].IndexOf("\"type\":\"response."u8) >= 0;

    /// <summary>One Chat Completions (or legacy Completions) chunk; true when it carried content.</summary>
    private static bool ReadChunk(ReadOnlySpan<byte> json, ParsedCall call)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var content = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("choices"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    content |= ReadChoices(ref reader, call);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                if (call.ResponseModel is null && reader.TokenType == JsonTokenType.String)
                {
                    call.ResponseModel = reader.GetString();
                }
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                using var usage = Utf8Event.CaptureObject(ref reader, json);
                if (usage is not null)
                {
                    OpenAiUsage.Read(usage.RootElement, call);
                }
            }
            else if (reader.ValueTextEquals("x_groq"u8))
            {
                reader.Read();
                using var groq = Utf8Event.CaptureObject(ref reader, json);
                if (groq is not null && groq.RootElement.TryGetObject("usage", out var usage) && !call.UsageReported)
                {
                    OpenAiUsage.Read(usage, call);
                }
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                using var error = Utf8Event.CaptureObject(ref reader, json);
                if (error is not null)
                {
                    var e = error.RootElement;
                    call.Error = new SignalError(e.Str("type") ?? e.Str("code") ?? "stream_error", ErrorExtractor.Cut(e.Str("message")));
                    call.FinishReason = FinishReasons.Error;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return content;
    }

    private static bool ReadChoices(ref Utf8JsonReader reader, ParsedCall call)
    {
        var content = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("delta"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        content |= ReadDelta(ref reader, call);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else if (reader.ValueTextEquals("finish_reason"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        call.FinishReason = FinishReasons.Normalize(reader.GetString());
                    }
                }
                else if (reader.ValueTextEquals("text"u8))
                {
                    reader.Read();
                    call.ReplyRole ??= "assistant";
                    content |= Utf8Event.AppendString(ref reader, call);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }

        return content;
    }

    private static bool ReadDelta(ref Utf8JsonReader reader, ParsedCall call)
    {
        var content = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                content |= Utf8Event.AppendString(ref reader, call);
            }
            else if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                if (call.ReplyRole is null && reader.TokenType == JsonTokenType.String)
                {
                    call.ReplyRole = reader.GetString();
                }
            }
            else if (reader.ValueTextEquals("tool_calls"u8))
            {
                reader.Read();
                content |= ReadToolCalls(ref reader, call);
            }
            else if (reader.ValueTextEquals("reasoning_content"u8) || reader.ValueTextEquals("reasoning"u8) || reader.ValueTextEquals("refusal"u8))
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

    private static bool ReadToolCalls(ref Utf8JsonReader reader, ParsedCall call)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return false;
        }

        var any = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            any = true;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                if (isId && reader.TokenType == JsonTokenType.String)
                {
                    call.AddIssuedToolCall(reader.GetString());
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return any;
    }

    /// <summary>One Responses API event; true when it carried output.</summary>
    private static bool ReadResponsesEvent(ReadOnlySpan<byte> json, ParsedCall call)
    {
        using var document = JsonRead.TryParse(json.ToArray());
        if (document is null)
        {
            return false;
        }

        var root = document.RootElement;
        switch (root.Str("type"))
        {
            case "response.output_text.delta":
                var delta = root.Str("delta") ?? "";
                call.ReplyRole ??= "assistant";
                call.AppendReply(delta);
                return delta.Length > 0;
            case "response.output_item.added" when root.TryGetObject("item", out var item) && item.Str("type") == "function_call":
                call.AddIssuedToolCall(item.Str("call_id"));
                return true;
            case "response.created" or "response.in_progress" when root.TryGetObject("response", out var created):
                call.ResponseId ??= created.Str("id");
                call.ResponseModel ??= created.Str("model");
                return false;
            case "response.completed" or "response.incomplete" or "response.failed" when root.TryGetObject("response", out var done):
                OpenAiResponseReader.ReadResponsesObject(done, call);
                return false;
            case "error":
                call.Error = new SignalError(root.Str("code") ?? "stream_error", ErrorExtractor.Cut(root.Str("message")));
                call.FinishReason = FinishReasons.Error;
                return false;
            default:
                return root.Str("type") is { } t && t.EndsWith(".delta", StringComparison.Ordinal);
        }
    }
}
