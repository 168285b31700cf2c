using System.Text.Json;

namespace Observer.Providers.Parsers;

/// <summary>
/// Ollama's native API (<c>/api/chat</c>, <c>/api/generate</c>, <c>/api/embed</c>): counts in
/// <c>prompt_eval_count</c> / <c>eval_count</c>, streamed (the default) as newline-delimited JSON whose last line
/// (<c>done: true</c>) carries them.
/// </summary>
internal sealed class OllamaParser : WireParser
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

        if (root.Str("system") is { } system)
        {
            call.NoteMessage("system", system);
        }

        if (root.Str("prompt") is { } prompt)
        {
            call.NoteMessage("user", prompt);
        }
    }

    public override void ParseResponse(ParseInput input, ParsedCall call)
    {
        if (NdJson.Looks(input.ResponseBody.Span) || input.Exchange.Streamed)
        {
            call.Streamed = true;
            call.Chunks = NdJson.ForEach(input.ResponseBody, line => ReadLine(line, call));
            return;
        }

        using var document = JsonRead.TryParse(input.ResponseBody);
        if (document is not null)
        {
            ReadLine(document.RootElement, call);
        }
    }

    public override string? PromptText(ParseInput input) => OpenAiRequestReader.PromptText(input.RequestBody);

    private static void ReadLine(JsonElement line, ParsedCall call)
    {
        if (line.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        call.ResponseModel ??= line.Str("model");
        if (line.TryGetObject("message", out var message))
        {
            call.ReplyRole ??= message.Str("role") ?? "assistant";
            call.AppendReply(message.Str("content") ?? "");
            if (message.TryGetArray("tool_calls", out var toolCalls))
            {
                foreach (var toolCall in toolCalls.EnumerateArray())
                {
                    call.AddIssuedToolCall(toolCall.Str("id") ?? (toolCall.TryGetObject("function", out var f) ? f.Str("name") : null));
                }
            }
        }
        else if (line.Str("response") is { } text)
        {
            call.ReplyRole ??= "assistant";
            call.AppendReply(text);
        }

        if (line.Str("error") is { } error)
        {
            call.Error = new Contracts.Signals.SignalError("ollama_error", ErrorExtractor.Cut(error));
        }

        if (line.Bool("done") != true && line.Long("prompt_eval_count") is null)
        {
            return;
        }

        call.FinishReason = FinishReasons.Normalize(line.Str("done_reason")) ?? call.FinishReason;
        var input = line.Long("prompt_eval_count");
        var output = line.Long("eval_count");
        if (input is not null || output is not null)
        {
            call.UsageReported = true;
            call.InputTokens = input;
            call.OutputTokens = output;
            call.TotalTokens = (input ?? 0) + (output ?? 0);
        }
    }
}
