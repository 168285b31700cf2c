using System.Text.Json;
using System.Text;
using Observer.Contracts.Signals;

namespace Observer.Providers.Parsers;

/// <summary>
/// What the parsers learn about one exchange, filled field by field (request first, then response). Mutable and
/// private to one detection; it never leaves this assembly.
/// </summary>
internal sealed class ParsedCall
{
    /// <summary>Reply text is kept only up to this many characters (for hashing and estimation).</summary>
    public const int MaxReplyChars = 1_000_000;

    public string? Model { get; set; }
    public string? ResponseModel { get; set; }

    public bool Streamed { get; set; }

    /// <summary>Chunks of a stream that is not SSE (JSON-array, NDJSON lines, AWS event-stream frames), counted by the parser.</summary>
    public int? Chunks { get; set; }

    public long? InputTokens { get; set; }
    public long? OutputTokens { get; set; }
    public long? TotalTokens { get; set; }
    public long? CacheReadInputTokens { get; set; }
    public long? CacheCreationInputTokens { get; set; }
    public long? ReasoningTokens { get; set; }
    public long? AudioInputTokens { get; set; }
    public long? AudioOutputTokens { get; set; }
    public double? AudioSeconds { get; set; }
    public long? Characters { get; set; }
    public int? Images { get; set; }

    /// <summary>The provider's own cost figure (OpenRouter <c>usage.cost</c>), preferred to the table when present.</summary>
    public decimal? ReportedCostUsd { get; set; }

    public bool UsageReported { get; set; }

    /// <summary>Token counts come from the tokenizer, not the provider.</summary>
    public bool Estimated { get; set; }

    public string? FinishReason { get; set; }
    public SignalError? Error { get; set; }
    public double? TtftMs { get; set; }

    /// <summary>The reply's role as the provider names it (<c>assistant</c>, <c>model</c>).</summary>
    public string? ReplyRole { get; set; }

    public StringBuilder ReplyText { get; } = new();

    public List<string> ToolCallIdsIssued { get; } = [];
    public List<string> ToolCallIdsAnswered { get; } = [];

    /// <summary>The chained message hashes of the request (see <see cref="ConversationHasher"/>).</summary>
    public ConversationHasher Conversation { get; } = new();

    public bool HasConversation { get; set; }

    public string? ResponseId { get; set; }
    public string? PreviousResponseId { get; set; }
    public string? SystemText { get; set; }
    public string? FirstUserText { get; set; }

    public bool HasReply => ReplyText.Length > 0 || ToolCallIdsIssued.Count > 0;

    public void AppendReply(ReadOnlySpan<char> text)
    {
        var room = MaxReplyChars - ReplyText.Length;
        if (room > 0)
        {
            ReplyText.Append(text[..Math.Min(room, text.Length)]);
        }
    }

    public void AddIssuedToolCall(string? id)
    {
        if (!string.IsNullOrEmpty(id) && !ToolCallIdsIssued.Contains(id))
        {
            ToolCallIdsIssued.Add(id);
        }
    }

    public void AddAnsweredToolCall(string? id)
    {
        if (!string.IsNullOrEmpty(id) && !ToolCallIdsAnswered.Contains(id))
        {
            ToolCallIdsAnswered.Add(id);
        }
    }

    /// <summary>
    /// Adds one message to the conversation fingerprint and notes its text for classification. An undefined
    /// <paramref name="content"/> (the message has none) hashes as an empty message.
    /// </summary>
    public void HashMessage(string role, JsonElement content, Func<JsonElement, ConversationHasher, ParsedCall, string> hashContent)
    {
        Conversation.BeginMessage(role);
        var text = content.ValueKind == JsonValueKind.Undefined ? "" : hashContent(content, Conversation, this);
        Conversation.EndMessage();
        NoteMessage(role, text);
    }

    /// <summary>Records a user/system message text for classification (first user message, system prompt).</summary>
    public void NoteMessage(string role, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (role is "system" or "developer")
        {
            SystemText ??= text;
        }
        else if (role == "user")
        {
            FirstUserText ??= text;
        }
    }
}
