using System.Net;
using System.Text.Json.Nodes;
using Observer.DemoAI.Tests.Support;

namespace Observer.DemoAI.Tests.Providers;

public sealed class GeminiTests : IAsyncLifetime
{
    private const string Base = "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash";
    private RunningDemoAi _demo = null!;

    public async Task InitializeAsync() => _demo = await RunningDemoAi.StartAsync();

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [Fact]
    public async Task GenerateContent_HasCandidatesAndUsageMetadata()
    {
        using var https = _demo.Https();
        var response = await https.PostAsync(Base + ":generateContent", Content());
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var candidate = json["candidates"]![0]!;
        Assert.Equal("model", candidate["content"]!["role"]!.GetValue<string>());
        Assert.Equal("STOP", candidate["finishReason"]!.GetValue<string>());
        AssertUsage(json["usageMetadata"]!);
        Assert.Equal("gemini-2.0-flash", json["modelVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task StreamAltSse_SendsCrlfDataEventsWithStopOnTheLast()
    {
        using var https = _demo.Https();
        var response = await https.PostAsync(Base + ":streamGenerateContent?alt=sse", Content());
        var raw = await response.Content.ReadAsStringAsync();
        var events = Sse.Parse(raw);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\r\n\r\n", raw, StringComparison.Ordinal);
        Assert.True(events.Count > 1);
        Assert.All(events, e => AssertUsage(e.Json["usageMetadata"]!));
        Assert.All(events.SkipLast(1), e => Assert.Null(e.Json["candidates"]![0]!["finishReason"]));
        Assert.Equal("STOP", events[^1].Json["candidates"]![0]!["finishReason"]!.GetValue<string>());
        var counts = events.Select(e => e.Json["usageMetadata"]!["candidatesTokenCount"]!.GetValue<int>()).ToList();
        Assert.Equal(counts.Order(), counts);
    }

    [Fact]
    public async Task StreamWithoutAltSse_ReturnsJsonArrayOfChunks()
    {
        var response = await _demo.Http.PostAsync("/v1beta/models/gemini-2.0-flash:streamGenerateContent", Content());
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True(json.AsArray().Count > 1);
        Assert.Equal("STOP", json[json.AsArray().Count - 1]!["candidates"]![0]!["finishReason"]!.GetValue<string>());
    }

    private static void AssertUsage(JsonNode usage)
    {
        var prompt = usage["promptTokenCount"]!.GetValue<int>();
        var candidates = usage["candidatesTokenCount"]!.GetValue<int>();
        Assert.True(prompt > 0);
        Assert.Equal(prompt + candidates, usage["totalTokenCount"]!.GetValue<int>());
    }

    private static StringContent Content() => new(new JsonObject
    {
        ["contents"] = new JsonArray(new JsonObject
        {
            ["role"] = "user", ["parts"] = new JsonArray(new JsonObject { ["text"] = "Write one line about the sea." }),
        }),
    }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
