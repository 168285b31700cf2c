namespace Observer.Providers.Detection;

/// <summary>
/// Grouping evidence extracted from a call's request and response bodies and headers.
/// Conversation fingerprints are chained 64-bit hashes: <c>h[0] = H(seed, m0)</c>, <c>h[i] = H(h[i-1], m_i)</c>
/// over the normalised (role, text, tool ids) of each message, so a later request whose message list extends this
/// call's messages plus its reply carries <see cref="ContinuationHash"/> among its <see cref="PrefixHashes"/>.
/// </summary>
public sealed record CallFeatures
{
    public static readonly CallFeatures None = new();

    /// <summary>Explicit task id from <c>X-Axom-Task-Id</c> or another tool's session header, and which header it came from.</summary>
    public string? ExplicitTaskId { get; init; }

    public string? ExplicitTaskSource { get; init; }

    /// <summary><c>X-Axom-Task-Type</c>, when the application names the type itself.</summary>
    public string? ExplicitTaskType { get; init; }

    /// <summary><c>X-Axom-Task-End: true</c>: this call closes its task.</summary>
    public bool ExplicitTaskEnd { get; init; }

    /// <summary>W3C trace id from <c>traceparent</c>.</summary>
    public string? TraceId { get; init; }

    /// <summary>Chained hash after each message of the request (at most the last 64 prefixes).</summary>
    public IReadOnlyList<ulong> PrefixHashes { get; init; } = [];

    /// <summary>Chained hash of the request's messages followed by the reply: what a continuation's prefix would hash to.</summary>
    public ulong? ContinuationHash { get; init; }

    /// <summary>Tool call ids the response asked for (<c>tool_calls[].id</c>, <c>tool_use.id</c>, Gemini function call names).</summary>
    public IReadOnlyList<string> ToolCallIdsIssued { get; init; } = [];

    /// <summary>Tool call ids the request answers (<c>tool</c> messages' <c>tool_call_id</c>, <c>tool_result.tool_use_id</c>).</summary>
    public IReadOnlyList<string> ToolCallIdsAnswered { get; init; } = [];

    /// <summary>OpenAI Responses API id of this response, and the <c>previous_response_id</c> the request continues.</summary>
    public string? ResponseId { get; init; }

    public string? PreviousResponseId { get; init; }

    /// <summary>
    /// System prompt and first user message, truncated (at most 2,000 characters), for task-type classification only.
    /// Held in memory while the task is open; never persisted and never put in a signal.
    /// </summary>
    public string? ClassificationText { get; init; }
}
