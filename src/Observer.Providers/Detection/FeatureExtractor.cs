using Observer.Contracts.Exchanges;
using Observer.Providers.Parsers;

namespace Observer.Providers.Detection;

/// <summary>Builds <see cref="CallFeatures"/> from headers and what the parsers found.</summary>
internal static class FeatureExtractor
{
    public const int MaxClassificationChars = 2000;

    public static CallFeatures Extract(HeaderList headers, ParsedCall call, string? traceId, bool succeeded)
    {
        string? taskId = null;
        string? source = null;
        foreach (var header in RequestHeaders.TaskIdHeaders)
        {
            var value = headers[header]?.Trim();
            if (!string.IsNullOrEmpty(value))
            {
                taskId = value;
                source = header;
                break;
            }
        }

        ulong? continuation = null;
        if (call.HasConversation && call.HasReply && succeeded)
        {
            continuation = call.Conversation.Peek(call.ReplyRole ?? "assistant", call.ReplyText.ToString(), call.ToolCallIdsIssued);
        }

        return new CallFeatures
        {
            ExplicitTaskId = taskId,
            ExplicitTaskSource = source,
            ExplicitTaskType = NullIfEmpty(headers["x-axom-task-type"]),
            ExplicitTaskEnd = string.Equals(headers["x-axom-task-end"]?.Trim(), "true", StringComparison.OrdinalIgnoreCase),
            TraceId = traceId,
            PrefixHashes = call.HasConversation ? call.Conversation.Prefixes : [],
            ContinuationHash = continuation,
            ToolCallIdsIssued = [.. call.ToolCallIdsIssued],
            ToolCallIdsAnswered = [.. call.ToolCallIdsAnswered],
            ResponseId = call.ResponseId,
            PreviousResponseId = call.PreviousResponseId,
            ClassificationText = Classification(call),
        };
    }

    private static string? Classification(ParsedCall call)
    {
        var text = (call.SystemText, call.FirstUserText) switch
        {
            (null, null) => null,
            ({ } system, null) => system,
            (null, { } user) => user,
            ({ } system, { } user) => system + "\n" + user,
        };
        return text is null ? null : text.Length <= MaxClassificationChars ? text : text[..MaxClassificationChars];
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
