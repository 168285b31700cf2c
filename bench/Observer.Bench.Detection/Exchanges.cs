using System.Globalization;
using System.Text;
using System.Text.Json;
using Observer.Contracts.Exchanges;

namespace Observer.Bench.Detection;

/// <summary>Realistic exchanges as the proxy hands them to detection.</summary>
public static class Exchanges
{
    public static ExchangeRecord OpenAiChat() => Record(
        "api.openai.com",
        "/v1/chat/completions",
        """{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a helpful assistant that answers questions about orders."},{"role":"user","content":"Where is my order #4411? It was due yesterday."}],"temperature":0.2}""",
        """{"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"I'm sorry for the delay. Order #4411 left our warehouse yesterday and should arrive tomorrow; here is the tracking link.","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":1219,"completion_tokens":28,"total_tokens":1247,"prompt_tokens_details":{"cached_tokens":1024,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_06737a9306"}""",
        []);

    /// <summary>A role chunk, 197 content chunks, a finish chunk and the include_usage chunk: 200 events, shaped as OpenAI sends them with <c>include_usage</c> (every chunk carries <c>"usage":null</c>).</summary>
    public static ExchangeRecord OpenAiStream200()
    {
        var events = new List<SseEvent>();
        const string head = "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-2024-08-06\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,\"delta\":{";
        events.Add(new SseEvent(300, null, head + "\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}]}"));
        for (var i = 1; i < 198; i++)
        {
            var word = JsonSerializer.Serialize(" token" + i.ToString(CultureInfo.InvariantCulture));
            events.Add(new SseEvent(300 + (i * 12), null, head + "\"content\":" + word + "},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}"));
        }

        events.Add(new SseEvent(2700, null, head + """},"logprobs":null,"finish_reason":"stop"}]}"""));
        events.Add(new SseEvent(2710, null, """{"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_44709d6fcb","choices":[],"usage":{"prompt_tokens":52,"completion_tokens":197,"total_tokens":249,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}"""));
        return Record(
            "api.openai.com",
            "/v1/chat/completions",
            """{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"system","content":"You write short product descriptions."},{"role":"user","content":"Describe a waterproof hiking boot."}]}""",
            "",
            events);
    }

    /// <summary>An Anthropic stream of the same size: message_start, 197 text deltas, message_delta, message_stop.</summary>
    public static ExchangeRecord AnthropicStream200()
    {
        var events = new List<SseEvent>
        {
            new(300, "message_start", """{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-3-5-haiku-20241022","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}"""),
        };
        for (var i = 1; i < 198; i++)
        {
            events.Add(new SseEvent(300 + (i * 12), "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" token" + i.ToString(CultureInfo.InvariantCulture) + "\"}}"));
        }

        events.Add(new SseEvent(2700, "message_delta", """{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":197}}"""));
        events.Add(new SseEvent(2710, "message_stop", """{"type":"message_stop"}"""));
        return Record(
            "api.anthropic.com",
            "/v1/messages",
            """{"model":"claude-3-5-haiku-20241022","max_tokens":1024,"stream":true,"messages":[{"role":"user","content":"Describe a waterproof hiking boot."}]}""",
            "",
            events);
    }

    public static ExchangeRecord NonAi() => Record("example.com", "/api/orders/4411", "", """{"id":4411}""", []);

    private static ExchangeRecord Record(string host, string path, string request, string response, List<SseEvent> events) => new()
    {
        ExchangeId = "ex-1",
        Connection = new ConnectionId("conn-1"),
        Sequence = 0,
        ClientIp = "127.0.0.1",
        ClientPort = 50000,
        Protocol = "https",
        HttpVersion = "1.1",
        Method = "POST",
        Host = host,
        Port = 443,
        Path = path,
        DestinationIp = "127.0.0.1",
        DestinationPort = 443,
        RequestHeaders = new HeaderList([new("content-type", "application/json"), new("authorization", "[REDACTED]")]),
        ResponseHeaders = new HeaderList([new("content-type", events.Count > 0 ? "text/event-stream" : "application/json")]),
        Status = 200,
        RequestBytes = request.Length,
        ResponseBytes = response.Length + events.Sum(e => e.Data.Length + 8),
        StartedAt = DateTimeOffset.UnixEpoch,
        TtfbMs = 250,
        LatencyMs = events.Count > 0 ? 2720 : 900,
        RequestBody = Encoding.UTF8.GetBytes(request),
        ResponseBody = Encoding.UTF8.GetBytes(response),
        Streamed = events.Count > 0,
        SseEvents = events,
        Chunks = events.Count > 0 ? events.Count : null,
    };
}
