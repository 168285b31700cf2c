using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Observer.DemoAI.Agent;

/// <summary>
/// The scripted tasks, against the real provider URLs. Only the summarisation sends <c>X-Axom-Task-Id</c>; the others
/// are left for the observer to group (tool chain, voice pipeline, time window). Keys are obviously fake demo values.
/// </summary>
public static class AgentScenarios
{
    public const string OpenAi = "https://api.openai.com";
    public const string Anthropic = "https://api.anthropic.com";
    public const string Gemini = "https://generativelanguage.googleapis.com";
    public const string Deepgram = "https://api.deepgram.com";
    public const string ElevenLabs = "https://api.elevenlabs.io";

    public static readonly IReadOnlyList<string> Names = ["tool_chat", "summarization", "voice", "failing_call", "anthropic", "gemini"];

    private static readonly Dictionary<string, string> OpenAiHeaders = new() { ["Authorization"] = "Bearer sk-demo-openai-not-a-real-key" };
    private static readonly Dictionary<string, string> AnthropicHeaders = new()
    {
        ["x-api-key"] = "sk-ant-demo-not-a-real-key", ["anthropic-version"] = "2023-06-01",
    };
    private static readonly Dictionary<string, string> GeminiHeaders = new() { ["x-goog-api-key"] = "demo-google-not-a-real-key" };
    private static readonly Dictionary<string, string> DeepgramHeaders = new() { ["Authorization"] = "Token demo-deepgram-not-a-real-key" };
    private static readonly Dictionary<string, string> ElevenLabsHeaders = new() { ["xi-api-key"] = "demo-elevenlabs-not-a-real-key" };

    public static Task RunAsync(string name, AgentSession session, CancellationToken ct) => name switch
    {
        "tool_chat" => ToolChatAsync(session, ct),
        "summarization" => SummarizationAsync(session, ct),
        "voice" => VoicePipelineAsync(session, ct),
        "failing_call" => FailingCallAsync(session, ct),
        "anthropic" => AnthropicStreamAsync(session, ct),
        "gemini" => GeminiAsync(session, ct),
        _ => throw new ArgumentException($"unknown scenario '{name}'", nameof(name)),
    };

    /// <summary>Request with tools → tool_calls → follow-up whose tool message answers the call id → final answer.</summary>
    public static async Task ToolChatAsync(AgentSession session, CancellationToken ct)
    {
        var tools = new JsonArray(new JsonObject
        {
            ["type"] = "function",
            ["function"] = new JsonObject
            {
                ["name"] = "get_weather",
                ["description"] = "Current weather for a city",
                ["parameters"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["city"] = new JsonObject { ["type"] = "string" } },
                    ["required"] = new JsonArray("city"),
                },
            },
        });
        var messages = new JsonArray(
            new JsonObject { ["role"] = "system", ["content"] = "You are a helpful travel assistant." },
            new JsonObject { ["role"] = "user", ["content"] = "What's the weather in Paris right now?" });
        var first = await session.JsonAsync("tool_chat", OpenAi + "/v1/chat/completions",
            new JsonObject { ["model"] = "gpt-4o-mini", ["messages"] = messages.DeepClone(), ["tools"] = tools.DeepClone() }, OpenAiHeaders,
            cancellationToken: ct);
        var assistant = First(first?["choices"])?["message"];
        var callId = First(assistant?["tool_calls"])?["id"]?.GetValue<string>();
        if (assistant is null || callId is null)
        {
            return;
        }

        messages.Add(assistant.DeepClone());
        messages.Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = callId, ["content"] = "{\"temperature_c\":18,\"sky\":\"clear\"}" });
        await session.JsonAsync("tool_chat", OpenAi + "/v1/chat/completions",
            new JsonObject { ["model"] = "gpt-4o-mini", ["messages"] = messages, ["tools"] = tools }, OpenAiHeaders, cancellationToken: ct);
    }

    /// <summary>A streamed summary with usage, then an embedding of it — both under one explicit task id.</summary>
    public static async Task SummarizationAsync(AgentSession session, CancellationToken ct)
    {
        var taskId = $"demo-summary-{session.Round}-{Guid.NewGuid().ToString("N")[..12]}";
        var document = string.Join(" ", Enumerable.Repeat(
            "Our support team answered 1,240 tickets this week; median first response time fell to 14 minutes, and the backlog is down by a third.", 6));
        var events = await session.StreamAsync("summarization", OpenAi + "/v1/chat/completions", new JsonObject
        {
            ["model"] = "gpt-4o",
            ["stream"] = true,
            ["stream_options"] = new JsonObject { ["include_usage"] = true },
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = "Summarize the following document" },
                new JsonObject { ["role"] = "user", ["content"] = document }),
        }, OpenAiHeaders, taskId, ct);
        var summary = string.Concat(events.Where(e => e != "[DONE]")
            .Select(e => First(JsonNode.Parse(e)?["choices"])?["delta"]?["content"]?.GetValue<string>()));
        await session.JsonAsync("summarization", OpenAi + "/v1/embeddings",
            new JsonObject { ["model"] = "text-embedding-3-small", ["input"] = summary, ["dimensions"] = 256 }, OpenAiHeaders, taskId: taskId,
            cancellationToken: ct);
    }

    /// <summary>Speech-to-text → chat on the transcript → text-to-speech of the reply.</summary>
    public static async Task VoicePipelineAsync(AgentSession session, CancellationToken ct)
    {
        var audio = new ByteArrayContent(WavFile.Silence(2.5)) { Headers = { ContentType = new MediaTypeHeaderValue("audio/wav") } };
        var stt = await session.JsonAsync("voice", Deepgram + "/v1/listen?model=nova-2&smart_format=true",
            new JsonObject(), DeepgramHeaders, cancellationToken: ct, content: audio);
        var transcript = First(First(stt?["results"]?["channels"])?["alternatives"])?["transcript"]?.GetValue<string>() ?? "hello";
        var chat = await session.JsonAsync("voice", OpenAi + "/v1/chat/completions", new JsonObject
        {
            ["model"] = "gpt-4o-mini",
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = "You are a voice assistant. Answer in one sentence." },
                new JsonObject { ["role"] = "user", ["content"] = "Transcript: " + transcript }),
        }, OpenAiHeaders, cancellationToken: ct);
        var reply = First(chat?["choices"])?["message"]?["content"]?.GetValue<string>() ?? "Done.";
        var speech = new StringContent(new JsonObject { ["text"] = reply, ["model_id"] = "eleven_turbo_v2_5" }.ToJsonString(),
            System.Text.Encoding.UTF8, "application/json");
        await session.BytesAsync("voice", ElevenLabs + "/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM?output_format=mp3_44100_128",
            speech, ElevenLabsHeaders, "audio/mpeg", cancellationToken: ct);
    }

    /// <summary>A chat call the demo provider answers with 429 and an OpenAI rate-limit error body.</summary>
    public static Task FailingCallAsync(AgentSession session, CancellationToken ct) =>
        session.JsonAsync("failing_call", OpenAi + "/v1/chat/completions", new JsonObject
        {
            ["model"] = "gpt-4o-mini",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "This one will be rate limited." }),
        }, new Dictionary<string, string>(OpenAiHeaders) { ["X-Demo-Status"] = "429" }, expectedStatus: 429, cancellationToken: ct);

    public static Task AnthropicStreamAsync(AgentSession session, CancellationToken ct) =>
        session.StreamAsync("anthropic", Anthropic + "/v1/messages", new JsonObject
        {
            ["model"] = "claude-3-5-haiku-20241022",
            ["max_tokens"] = 256,
            ["stream"] = true,
            ["system"] = "You are a concise research assistant.",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Name three ways to reduce LLM latency." }),
        }, AnthropicHeaders, cancellationToken: ct);

    public static Task GeminiAsync(AgentSession session, CancellationToken ct) =>
        session.JsonAsync("gemini", Gemini + "/v1beta/models/gemini-2.0-flash:generateContent", new JsonObject
        {
            ["contents"] = new JsonArray(new JsonObject
            {
                ["role"] = "user",
                ["parts"] = new JsonArray(new JsonObject { ["text"] = "Translate 'good morning' into French, German and Spanish." }),
            }),
            ["generationConfig"] = new JsonObject { ["temperature"] = 0.2, ["maxOutputTokens"] = 128 },
        }, GeminiHeaders, cancellationToken: ct);

    private static JsonNode? First(JsonNode? array) => array is JsonArray { Count: > 0 } items ? items[0] : null;
}
