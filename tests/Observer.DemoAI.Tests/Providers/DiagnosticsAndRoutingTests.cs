using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Observer.DemoAI.Tests.Support;

namespace Observer.DemoAI.Tests.Providers;

public sealed class DiagnosticsAndRoutingTests : IAsyncLifetime
{
    private RunningDemoAi _demo = null!;

    public async Task InitializeAsync() => _demo = await RunningDemoAi.StartAsync();

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [Fact]
    public async Task Status429_HasRetryAfterAndOpenAiRateLimitBody()
    {
        var response = await _demo.Http.PostAsync("/status/429", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter!.Delta);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("rate_limit_exceeded", error["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("https://api.anthropic.com/status/529", 529, "overloaded_error")]
    [InlineData("https://generativelanguage.googleapis.com/status/429", 429, "RESOURCE_EXHAUSTED")]
    [InlineData("https://api.openai.com/error", 500, "server_error")]
    public async Task ErrorOnProviderHost_UsesThatProvidersErrorShape(string url, int status, string errorType)
    {
        using var https = _demo.Https();

        var response = await https.GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(errorType, (error["type"] ?? error["status"])!.GetValue<string>());
    }

    [Fact]
    public async Task DemoStatusHeader_FailsAProviderEndpoint()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent("{}") };
        request.Headers.Add("X-Demo-Status", "503");

        var response = await _demo.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Slow_AnswersAfterTheRequestedDelay()
    {
        var clock = Stopwatch.StartNew();

        var json = JsonNode.Parse(await _demo.Http.GetStringAsync("/slow?ms=300"))!;

        Assert.Equal(300, json["slept_ms"]!.GetValue<int>());
        Assert.True(clock.ElapsedMilliseconds >= 290);
    }

    [Fact]
    public async Task ProviderPathUnderAnotherProvidersHost_Returns404()
    {
        using var https = _demo.Https();

        var response = await https.PostAsync("https://api.anthropic.com/v1/chat/completions", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found_error", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConfiguredLatency_DelaysTheResponse()
    {
        await using var slow = await RunningDemoAi.StartAsync(latencyMs: 400);
        var clock = Stopwatch.StartNew();

        var response = await slow.Http.PostAsync("/v1/embeddings", new StringContent("{\"model\":\"m\",\"input\":\"x\"}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.ElapsedMilliseconds >= 390);
    }
}
