using System.Net;
using System.Text.Json.Nodes;
using Observer.DemoAI.Tests.Support;

namespace Observer.DemoAI.Tests.Providers;

public sealed class AnthropicMessagesTests : IAsyncLifetime
{
    private RunningDemoAi _demo = null!;

    public async Task InitializeAsync() => _demo = await RunningDemoAi.StartAsync();

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [Fact]
    public async Task Stream_FollowsMessageStartToMessageStopSequence()
    {
        using var https = _demo.Https();
        var (response, events) = await Sse.PostAsync(https, "https://api.anthropic.com/v1/messages", Request(stream: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var types = events.Select(e => e.Event).ToList();
        Assert.Equal(["message_start", "content_block_start", "ping"], types[..3]);
        Assert.Equal(["content_block_stop", "message_delta", "message_stop"], types[^3..]);
        Assert.NotEmpty(types[3..^3]);
        Assert.All(types[3..^3], t => Assert.Equal("content_block_delta", t));
        Assert.All(events, e => Assert.Equal(e.Event, e.Json["type"]!.GetValue<string>()));

        var start = events[0].Json["message"]!;
        Assert.Equal("assistant", start["role"]!.GetValue<string>());
        Assert.True(start["usage"]!["input_tokens"]!.GetValue<int>() > 5);
        var text = string.Concat(events.Where(e => e.Event == "content_block_delta").Select(e =>
        {
            Assert.Equal("text_delta", e.Json["delta"]!["type"]!.GetValue<string>());
            return e.Json["delta"]!["text"]!.GetValue<string>();
        }));
        var delta = events[^2].Json;
        Assert.Equal("end_turn", delta["delta"]!["stop_reason"]!.GetValue<string>());
        Assert.Equal((text.Length + 3) / 4, delta["usage"]!["output_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Message_HasContentBlocksStopReasonAndUsage()
    {
        var response = await _demo.Http.PostAsync("/v1/messages", new StringContent(Request(stream: false).ToJsonString()));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("message", json["type"]!.GetValue<string>());
        Assert.Equal("text", json["content"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("end_turn", json["stop_reason"]!.GetValue<string>());
        Assert.True(json["usage"]!["output_tokens"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task MissingMaxTokens_Returns400InAnthropicErrorShape()
    {
        var request = Request(stream: false);
        request.Remove("max_tokens");

        var response = await _demo.Http.PostAsync("/v1/messages", new StringContent(request.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("error", json["type"]!.GetValue<string>());
        Assert.Equal("invalid_request_error", json["error"]!["type"]!.GetValue<string>());
    }

    private static JsonObject Request(bool stream) => new()
    {
        ["model"] = "claude-3-5-haiku-20241022",
        ["max_tokens"] = 128,
        ["stream"] = stream,
        ["system"] = "Be brief.",
        ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Name a colour." }),
    };
}
