using System.Text.Json.Nodes;

namespace Observer.Actors.Tests.Support;

/// <summary>
/// An OpenAI chat conversation as an application keeps it: the message list grows with each reply, so each request
/// re-sends the history — the continuity task correlation detects.
/// </summary>
internal sealed class ChatThread
{
    private readonly List<JsonObject> _messages = [];

    public ChatThread(string? system = null)
    {
        if (system is not null)
        {
            _messages.Add(new JsonObject { ["role"] = "system", ["content"] = system });
        }
    }

    public ChatThread User(string text)
    {
        _messages.Add(new JsonObject { ["role"] = "user", ["content"] = text });
        return this;
    }

    public ChatThread ToolResult(string toolCallId, string content)
    {
        _messages.Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = toolCallId, ["content"] = content });
        return this;
    }

    /// <summary>Appends the assistant's reply as the next request will re-send it.</summary>
    public ChatThread Assistant(ChatReply reply)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.Text };
        if (reply.ToolCalls.Count > 0)
        {
            message["tool_calls"] = ChatReply.ToolCallsJson(reply.ToolCalls);
        }

        _messages.Add(message);
        return this;
    }

    /// <summary>Keeps the system message and only the last <paramref name="keep"/> messages (a sliding-window app).</summary>
    public ChatThread Truncate(int keep)
    {
        var system = _messages.Count > 0 && (string?)_messages[0]["role"] == "system" ? _messages[0] : null;
        var rest = _messages.Skip(system is null ? 0 : 1).ToList();
        _messages.Clear();
        if (system is not null)
        {
            _messages.Add(system);
        }

        _messages.AddRange(rest.Skip(Math.Max(0, rest.Count - keep)));
        return this;
    }

    public JsonArray MessagesJson() => new([.. _messages.Select(m => m.DeepClone())]);
}

/// <summary>What the model answers: text and/or tool calls, a finish reason, token counts.</summary>
internal sealed record ChatReply(string? Text, IReadOnlyList<(string Id, string Name)> ToolCalls, string FinishReason = "stop", int PromptTokens = 120, int CompletionTokens = 40)
{
    public static ChatReply Say(string text, string finish = "stop") => new(text, [], finish);

    public static ChatReply CallTools(params (string Id, string Name)[] calls) => new(null, calls, "tool_calls");

    public static JsonArray ToolCallsJson(IReadOnlyList<(string Id, string Name)> calls) => new([.. calls.Select(c => (JsonNode)new JsonObject
    {
        ["id"] = c.Id,
        ["type"] = "function",
        ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = "{\"query\":\"x\"}" },
    })]);
}
