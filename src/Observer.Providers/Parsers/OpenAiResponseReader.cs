using System.Text.Json;
using Observer.Providers.Catalog;

namespace Observer.Providers.Parsers;

/// <summary>Reads complete (non-streamed) OpenAI-family response bodies of every operation.</summary>
internal static class OpenAiResponseReader
{
    public static void Read(ParseInput input, ParsedCall call)
    {
        using var document = JsonRead.TryParse(input.ResponseBody);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (root.Str("object") == "response" || root.TryGetArray("output", out _))
        {
            ReadResponsesObject(root, call);
            return;
        }

        call.ResponseModel ??= root.Str("model");
        if (root.TryGetObject("usage", out var usage))
        {
            OpenAiUsage.Read(usage, call);
        }

        if (root.TryGetArray("choices", out var choices))
        {
            ReadChoices(choices, call);
        }

        switch (input.Operation)
        {
            case Operations.ImageGeneration when root.TryGetArray("data", out var images):
                call.Images = images.GetArrayLength();
                break;
            case Operations.AudioTranscription or Operations.AudioTranslation:
                if (root.Double("duration") is { } duration)
                {
                    call.AudioSeconds = duration;
                    call.UsageReported = true;
                }

                break;
        }
    }

    private static void ReadChoices(JsonElement choices, ParsedCall call)
    {
        var first = true;
        foreach (var choice in choices.EnumerateArray())
        {
            if (!first)
            {
                break;
            }

            first = false;
            call.FinishReason = FinishReasons.Normalize(choice.Str("finish_reason")) ?? call.FinishReason;
            if (choice.TryGetObject("message", out var message))
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
            else if (choice.Str("text") is { } text)
            {
                call.ReplyRole = "assistant";
                call.AppendReply(text);
            }
        }
    }

    /// <summary>A Responses API <c>response</c> object (also inside streamed <c>response.completed</c> events).</summary>
    public static void ReadResponsesObject(JsonElement response, ParsedCall call)
    {
        call.ResponseId = response.Str("id") ?? call.ResponseId;
        call.ResponseModel = response.Str("model") ?? call.ResponseModel;
        if (response.TryGetObject("usage", out var usage))
        {
            OpenAiUsage.Read(usage, call);
        }

        var status = response.Str("status");
        var incomplete = response.TryGetObject("incomplete_details", out var details) ? details.Str("reason") : null;
        call.FinishReason = status switch
        {
            "completed" => FinishReasons.Stop,
            "incomplete" => FinishReasons.Normalize(incomplete) ?? "incomplete",
            "failed" => FinishReasons.Error,
            null => call.FinishReason,
            _ => status,
        };

        if (response.TryGetObject("error", out var error))
        {
            call.Error = new Contracts.Signals.SignalError(error.Str("code") ?? error.Str("type") ?? "response_failed", ErrorExtractor.Cut(error.Str("message")));
        }

        if (!response.TryGetArray("output", out var output))
        {
            return;
        }

        var replyFromStream = call.ReplyText.Length > 0;
        foreach (var item in output.EnumerateArray())
        {
            switch (item.Str("type"))
            {
                case "message":
                    call.ReplyRole = item.Str("role") ?? "assistant";
                    if (!replyFromStream && item.TryGet("content", out var content))
                    {
                        call.AppendReply(MessageText.Of(content));
                    }

                    break;
                case "function_call":
                    call.AddIssuedToolCall(item.Str("call_id"));
                    if (call.FinishReason == FinishReasons.Stop)
                    {
                        call.FinishReason = FinishReasons.ToolCalls;
                    }

                    break;
            }
        }
    }
}
