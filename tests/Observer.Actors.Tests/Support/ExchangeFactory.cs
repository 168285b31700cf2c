using System.Text;
using System.Text.Json.Nodes;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;

namespace Observer.Actors.Tests.Support;

/// <summary>
/// Realistic proxy records of calls to OpenAI endpoints (real request and response JSON bodies, headers as an SDK
/// sends them), for driving the real <c>ExchangeDetector</c>.
/// </summary>
internal static class ExchangeFactory
{
    private static long _sequence;
    private static long _ids;

    public static ExchangeRecord Chat(
        string connection, DateTimeOffset at, ChatThread thread, ChatReply reply, IEnumerable<(string, string)>? headers = null,
        string model = "gpt-4o-mini", int status = 200, double latencyMs = 900, string host = "api.openai.com")
    {
        var request = new JsonObject { ["model"] = model, ["messages"] = thread.MessagesJson() };
        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.Text };
        if (reply.ToolCalls.Count > 0)
        {
            message["tool_calls"] = ChatReply.ToolCallsJson(reply.ToolCalls);
        }

        var response = status >= 400
            ? Error(status)
            : new JsonObject
            {
                ["id"] = $"chatcmpl-{Interlocked.Increment(ref _ids)}",
                ["object"] = "chat.completion",
                ["created"] = at.ToUnixTimeSeconds(),
                ["model"] = model + "-2024-07-18",
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = reply.FinishReason }),
                ["usage"] = new JsonObject
                {
                    ["prompt_tokens"] = reply.PromptTokens,
                    ["completion_tokens"] = reply.CompletionTokens,
                    ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
                },
            };
        return Record(connection, at, host, "/v1/chat/completions", Json(request), Json(response), "application/json", status, latencyMs, headers);
    }

    /// <summary>A Responses API call; <paramref name="previousResponseId"/> continues an earlier response.</summary>
    public static ExchangeRecord Response(
        string connection, DateTimeOffset at, string input, string responseId, string? previousResponseId, string? instructions = null,
        IEnumerable<(string, string)>? headers = null, double latencyMs = 1200)
    {
        var request = new JsonObject { ["model"] = "gpt-4.1", ["input"] = input, ["previous_response_id"] = previousResponseId, ["instructions"] = instructions };
        var response = new JsonObject
        {
            ["id"] = responseId,
            ["object"] = "response",
            ["status"] = "completed",
            ["model"] = "gpt-4.1-2025-04-14",
            ["output"] = new JsonArray(new JsonObject
            {
                ["type"] = "message",
                ["role"] = "assistant",
                ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = "Here is what I found about " + input }),
            }),
            ["usage"] = new JsonObject { ["input_tokens"] = 200, ["output_tokens"] = 80, ["total_tokens"] = 280 },
        };
        return Record(connection, at, "api.openai.com", "/v1/responses", Json(request), Json(response), "application/json", 200, latencyMs, headers);
    }

    public static ExchangeRecord Transcription(string connection, DateTimeOffset at, string transcript, IEnumerable<(string, string)>? headers = null, double latencyMs = 600)
    {
        const string boundary = "----axomboundary7MA4YWxkTrZu0gW";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
            + $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"turn.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF....WAVEfmt \r\n"
            + $"--{boundary}--\r\n";
        var response = new JsonObject { ["text"] = transcript };
        var all = Merge(headers, ("Content-Type", $"multipart/form-data; boundary={boundary}"));
        return Record(connection, at, "api.openai.com", "/v1/audio/transcriptions", Encoding.UTF8.GetBytes(body), Json(response), "application/json", 200, latencyMs, all, requestContentType: null);
    }

    public static ExchangeRecord Speech(string connection, DateTimeOffset at, string text, IEnumerable<(string, string)>? headers = null, double latencyMs = 700)
    {
        var request = new JsonObject { ["model"] = "tts-1", ["input"] = text, ["voice"] = "alloy" };
        var audio = new byte[4096];
        audio[0] = 0xFF;
        audio[1] = 0xFB;
        return Record(connection, at, "api.openai.com", "/v1/audio/speech", Json(request), audio, "audio/mpeg", 200, latencyMs, headers);
    }

    public static ExchangeRecord Embedding(string connection, DateTimeOffset at, string input, IEnumerable<(string, string)>? headers = null, double latencyMs = 150)
    {
        var request = new JsonObject { ["model"] = "text-embedding-3-small", ["input"] = input };
        var response = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(new JsonObject { ["object"] = "embedding", ["index"] = 0, ["embedding"] = new JsonArray(0.0123, -0.0456, 0.0789) }),
            ["model"] = "text-embedding-3-small",
            ["usage"] = new JsonObject { ["prompt_tokens"] = 9, ["total_tokens"] = 9 },
        };
        return Record(connection, at, "api.openai.com", "/v1/embeddings", Json(request), Json(response), "application/json", 200, latencyMs, headers);
    }

    public static ExchangeRecord Image(string connection, DateTimeOffset at, string prompt, IEnumerable<(string, string)>? headers = null, double latencyMs = 8000)
    {
        var request = new JsonObject { ["model"] = "dall-e-3", ["prompt"] = prompt, ["size"] = "1024x1024" };
        var response = new JsonObject
        {
            ["created"] = at.ToUnixTimeSeconds(),
            ["data"] = new JsonArray(new JsonObject { ["url"] = "https://example.invalid/image.png", ["revised_prompt"] = prompt }),
        };
        return Record(connection, at, "api.openai.com", "/v1/images/generations", Json(request), Json(response), "application/json", 200, latencyMs, headers);
    }

    /// <summary>A request to something that is not an AI provider.</summary>
    public static ExchangeRecord Plain(string connection, DateTimeOffset at, string host = "example.com", string path = "/index.html") =>
        Record(connection, at, host, path, ReadOnlyMemory<byte>.Empty, Encoding.UTF8.GetBytes("<html></html>"), "text/html", 200, 40, null, method: "GET");

    public static ExchangeRecord Record(
        string connection, DateTimeOffset at, string host, string path, ReadOnlyMemory<byte> requestBody, ReadOnlyMemory<byte> responseBody,
        string responseType, int status, double latencyMs, IEnumerable<(string Name, string Value)>? headers,
        string? requestContentType = "application/json", string method = "POST")
    {
        var requestHeaders = new List<KeyValuePair<string, string>>
        {
            new("Host", host),
            new("Authorization", "[REDACTED]"),
            new("User-Agent", "OpenAI/Python 1.54.0"),
        };
        if (requestContentType is not null)
        {
            requestHeaders.Add(new("Content-Type", requestContentType));
        }

        requestHeaders.AddRange((headers ?? []).Select(h => new KeyValuePair<string, string>(h.Name, h.Value)));
        return new ExchangeRecord
        {
            ExchangeId = Contracts.Ids.SignalId.New(at),
            Connection = new ConnectionId(connection),
            Sequence = Interlocked.Increment(ref _sequence),
            ClientIp = "127.0.0.1",
            ClientPort = 40000 + (Math.Abs(connection.GetHashCode()) % 20000),
            Protocol = "https",
            HttpVersion = "1.1",
            Method = method,
            Host = host,
            Port = 443,
            Path = path,
            DestinationIp = "127.0.0.1",
            DestinationPort = 443,
            RequestHeaders = new HeaderList([.. requestHeaders]),
            ResponseHeaders = new HeaderList([new("Content-Type", responseType)]),
            Status = status,
            RequestBytes = requestBody.Length,
            ResponseBytes = responseBody.Length,
            StartedAt = at,
            TtfbMs = Math.Min(latencyMs, 250),
            LatencyMs = latencyMs,
            RequestBody = requestBody,
            ResponseBody = responseBody,
            Error = status == 0 ? new SignalError(ProxyErrorTypes.UpstreamTimeout, "no response") : null,
        };
    }

    private static JsonObject Error(int status) => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = status == 429 ? "Rate limit reached for gpt-4o-mini" : "The server had an error while processing your request",
            ["type"] = status == 429 ? "rate_limit_error" : "server_error",
            ["code"] = status == 429 ? "rate_limit_exceeded" : null,
        },
    };

    private static byte[] Json(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static IEnumerable<(string, string)> Merge(IEnumerable<(string, string)>? headers, (string, string) extra) => [.. headers ?? [], extra];
}

/// <summary>Streamed (SSE) chat completions, as the SDKs receive them with <c>stream: true</c>.</summary>
internal static class StreamedExchangeFactory
{
    public static ExchangeRecord Chat(string connection, DateTimeOffset at, ChatThread thread, string replyText, double latencyMs = 2500)
    {
        var request = new JsonObject { ["model"] = "gpt-4o", ["stream"] = true, ["stream_options"] = new JsonObject { ["include_usage"] = true }, ["messages"] = thread.MessagesJson() };
        var events = new List<SseEvent>();
        var words = replyText.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var delta = new JsonObject { ["content"] = (i == 0 ? "" : " ") + words[i] };
            if (i == 0)
            {
                delta["role"] = "assistant";
            }

            events.Add(new SseEvent(300 + (i * 20), null, Chunk(delta, null).ToJsonString()));
        }

        events.Add(new SseEvent(300 + (words.Length * 20), null, Chunk(new JsonObject(), "stop").ToJsonString()));
        var usage = new JsonObject
        {
            ["id"] = "chatcmpl-stream",
            ["object"] = "chat.completion.chunk",
            ["model"] = "gpt-4o-2024-08-06",
            ["choices"] = new JsonArray(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 300, ["completion_tokens"] = words.Length, ["total_tokens"] = 300 + words.Length },
        };
        events.Add(new SseEvent(320 + (words.Length * 20), null, usage.ToJsonString()));
        events.Add(new SseEvent(321 + (words.Length * 20), null, "[DONE]"));
        var body = string.Concat(events.Select(e => $"data: {e.Data}\n\n"));
        var record = ExchangeFactory.Record(
            connection, at, "api.openai.com", "/v1/chat/completions", Encoding.UTF8.GetBytes(request.ToJsonString()), Encoding.UTF8.GetBytes(body),
            "text/event-stream", 200, latencyMs, null);
        return record with { Streamed = true, SseEvents = events, Chunks = events.Count };
    }

    private static JsonObject Chunk(JsonObject delta, string? finish) => new()
    {
        ["id"] = "chatcmpl-stream",
        ["object"] = "chat.completion.chunk",
        ["model"] = "gpt-4o-2024-08-06",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };
}
