using System.Net;
using System.Text.Json.Nodes;
using Observer.DemoAI.Tests.Support;

namespace Observer.DemoAI.Tests.Providers;

public sealed class OpenAiResponsesAndEmbeddingsTests : IAsyncLifetime
{
    private RunningDemoAi _demo = null!;

    public async Task InitializeAsync() => _demo = await RunningDemoAi.StartAsync();

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [Fact]
    public async Task Response_HasOutputTextAndUsage()
    {
        var response = await Post("/v1/responses", new JsonObject { ["model"] = "gpt-4.1-mini", ["input"] = "Say hello to the team." });

        Assert.Equal("response", response["object"]!.GetValue<string>());
        Assert.Equal("completed", response["status"]!.GetValue<string>());
        var content = response["output"]![0]!["content"]![0]!;
        Assert.Equal("output_text", content["type"]!.GetValue<string>());
        var usage = response["usage"]!;
        Assert.Equal(usage["input_tokens"]!.GetValue<int>() + usage["output_tokens"]!.GetValue<int>(), usage["total_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task StreamedResponse_SendsCreatedDeltasDoneCompletedInOrder()
    {
        var (_, events) = await Sse.PostAsync(_demo.Http, "/v1/responses",
            new JsonObject { ["model"] = "gpt-4.1-mini", ["input"] = "Say hello.", ["stream"] = true });

        var types = events.Select(e => e.Event).ToList();
        Assert.Equal("response.created", types[0]);
        Assert.Equal("response.completed", types[^1]);
        Assert.Equal("response.output_text.done", types[^2]);
        Assert.All(types[1..^2], t => Assert.Equal("response.output_text.delta", t));
        Assert.All(events, e => Assert.Equal(e.Event, e.Json["type"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(0, events.Count), events.Select(e => e.Json["sequence_number"]!.GetValue<int>()));
        var text = string.Concat(events.Where(e => e.Event == "response.output_text.delta").Select(e => e.Json["delta"]!.GetValue<string>()));
        Assert.Equal(events[^2].Json["text"]!.GetValue<string>(), text);
        Assert.True(events[^1].Json["response"]!["usage"]!["output_tokens"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Embeddings_OneVectorPerInputWithRequestedDimensions()
    {
        var json = await Post("/v1/embeddings", new JsonObject
        {
            ["model"] = "text-embedding-3-small", ["input"] = new JsonArray("first text", "second text"), ["dimensions"] = 64,
        });

        Assert.Equal("list", json["object"]!.GetValue<string>());
        var data = json["data"]!.AsArray();
        Assert.Equal(2, data.Count);
        Assert.All(data, d => Assert.Equal(64, d!["embedding"]!.AsArray().Count));
        Assert.Equal(1, data[1]!["index"]!.GetValue<int>());
        Assert.Equal(json["usage"]!["prompt_tokens"]!.GetValue<int>(), json["usage"]!["total_tokens"]!.GetValue<int>());
    }

    private async Task<JsonNode> Post(string path, JsonObject body)
    {
        var response = await _demo.Http.PostAsync(path, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
