using System.Net;
using System.Text.Json.Nodes;
using Observer.DemoAI.Tests.Support;

namespace Observer.DemoAI.Tests.Providers;

public sealed class OpenAiChatTests : IAsyncLifetime
{
    private RunningDemoAi _demo = null!;

    public async Task InitializeAsync() => _demo = await RunningDemoAi.StartAsync();

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [Fact]
    public async Task Completion_HasOpenAiShapeWithConsistentUsage()
    {
        var json = await PostJson(Request(stream: false));

        Assert.Equal("chat.completion", json["object"]!.GetValue<string>());
        Assert.StartsWith("chatcmpl-", json["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("gpt-4o-mini", json["model"]!.GetValue<string>());
        var choice = json["choices"]![0]!;
        Assert.Equal("assistant", choice["message"]!["role"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(choice["message"]!["content"]!.GetValue<string>()));
        Assert.Equal("stop", choice["finish_reason"]!.GetValue<string>());
        AssertUsage(json["usage"]!);
    }

    [Fact]
    public async Task StreamWithIncludeUsage_SendsRoleContentFinishThenUsageChunkThenDone()
    {
        var (response, events) = await Sse.PostAsync(_demo.Http, "/v1/chat/completions", Request(stream: true, includeUsage: true));

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = events.SkipLast(1).Select(e => e.Json).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c["object"]!.GetValue<string>()));
        Assert.Equal("assistant", chunks[0]["choices"]![0]!["delta"]!["role"]!.GetValue<string>());
        var usageChunk = chunks[^1];
        Assert.Empty(usageChunk["choices"]!.AsArray());
        AssertUsage(usageChunk["usage"]!);
        var finish = chunks[^2]["choices"]![0]!;
        Assert.Equal("stop", finish["finish_reason"]!.GetValue<string>());
        Assert.Empty(finish["delta"]!.AsObject());
        // Every chunk but the last carries "usage": null, as OpenAI sends with include_usage.
        Assert.All(chunks.SkipLast(1), c => Assert.True(c.AsObject().ContainsKey("usage") && c["usage"] is null));
        var text = string.Concat(chunks.SkipLast(2).Select(c => c["choices"]![0]!["delta"]!["content"]?.GetValue<string>()));
        Assert.True(text.Split(' ').Length > 5);
        Assert.Equal(usageChunk["usage"]!["completion_tokens"]!.GetValue<int>(), (text.Length + 3) / 4);
    }

    [Fact]
    public async Task StreamWithoutIncludeUsage_HasNoUsage()
    {
        var (_, events) = await Sse.PostAsync(_demo.Http, "/v1/chat/completions", Request(stream: true));

        Assert.Equal("[DONE]", events[^1].Data);
        Assert.All(events.SkipLast(1), e => Assert.False(e.Json.AsObject().ContainsKey("usage")));
        Assert.Equal("stop", events[^2].Json["choices"]![0]!["finish_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ToolsOffered_ReturnToolCallThenToolResultGetsFinalAnswer()
    {
        var request = Request(stream: false);
        request["tools"] = Tools();

        var first = await PostJson(request);

        var choice = first["choices"]![0]!;
        Assert.Equal("tool_calls", choice["finish_reason"]!.GetValue<string>());
        var call = choice["message"]!["tool_calls"]![0]!;
        Assert.Equal("function", call["type"]!.GetValue<string>());
        Assert.Equal("get_weather", call["function"]!["name"]!.GetValue<string>());
        Assert.Equal("Paris", JsonNode.Parse(call["function"]!["arguments"]!.GetValue<string>())!["city"]!.GetValue<string>());

        var messages = request["messages"]!.AsArray();
        messages.Add(choice["message"]!.DeepClone());
        messages.Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = call["id"]!.GetValue<string>(), ["content"] = "18 degrees" });
        var second = await PostJson(request);

        Assert.Equal("stop", second["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Contains("18 degrees", second["choices"]![0]!["message"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamedToolCall_ArgumentFragmentsJoinToJson()
    {
        var request = Request(stream: true);
        request["tools"] = Tools();

        var (_, events) = await Sse.PostAsync(_demo.Http, "/v1/chat/completions", request);

        var chunks = events.SkipLast(1).Select(e => e.Json["choices"]![0]!).ToList();
        Assert.Equal("get_weather", chunks[0]["delta"]!["tool_calls"]![0]!["function"]!["name"]!.GetValue<string>());
        var arguments = string.Concat(chunks.Select(c => c["delta"]?["tool_calls"]?[0]?["function"]?["arguments"]?.GetValue<string>()));
        Assert.Equal("Paris", JsonNode.Parse(arguments)!["city"]!.GetValue<string>());
        Assert.Equal("tool_calls", chunks[^1]["finish_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task MissingMessages_Returns400InOpenAiErrorShape()
    {
        var response = await _demo.Http.PostAsync("/v1/chat/completions", new StringContent("{\"model\":\"x\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("invalid_request_error", error["type"]!.GetValue<string>());
    }

    private static void AssertUsage(JsonNode usage)
    {
        var prompt = usage["prompt_tokens"]!.GetValue<int>();
        var completion = usage["completion_tokens"]!.GetValue<int>();
        Assert.True(prompt > 10);
        Assert.True(completion > 5);
        Assert.Equal(prompt + completion, usage["total_tokens"]!.GetValue<int>());
        Assert.Equal(0, usage["completion_tokens_details"]!["reasoning_tokens"]!.GetValue<int>());
    }

    private async Task<JsonNode> PostJson(JsonObject request)
    {
        var response = await _demo.Http.PostAsync("/v1/chat/completions",
            new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static JsonObject Request(bool stream, bool includeUsage = false)
    {
        var request = new JsonObject
        {
            ["model"] = "gpt-4o-mini",
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = "You are terse." },
                new JsonObject { ["role"] = "user", ["content"] = "Explain what an observer proxy does, please." }),
        };
        if (stream)
        {
            request["stream"] = true;
        }

        if (includeUsage)
        {
            request["stream_options"] = new JsonObject { ["include_usage"] = true };
        }

        return request;
    }

    private static JsonArray Tools() => new(new JsonObject
    {
        ["type"] = "function",
        ["function"] = new JsonObject
        {
            ["name"] = "get_weather",
            ["parameters"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["city"] = new JsonObject { ["type"] = "string" } },
            },
        },
    });
}
