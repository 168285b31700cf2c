using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;
using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Detection;

public sealed class ExchangeDetectorTests
{
    [Theory]
    [InlineData("https://example.com/v1/chat/completions")]
    [InlineData("https://api.openai.com.evil.net/v1/chat/completions")]
    [InlineData("http://localhost:8080/api/chat")]
    public void NonAiExchange_IsNotDetected(string url)
    {
        var exchange = Capture.Parse($"POST {url}\ncontent-type: application/json\n\n{{\"model\":\"gpt-4o\"}}");

        Assert.Null(Detector.Instance.Detect(exchange, Detector.Context));
    }

    [Theory]
    [InlineData(ProxyErrorTypes.UpstreamUnreachable)]
    [InlineData(ProxyErrorTypes.UpstreamTimeout)]
    [InlineData(ProxyErrorTypes.UpstreamTlsError)]
    public void NoResponse_ReportsTheProxysError(string type)
    {
        var exchange = Capture.Load("openai/chat.http") with
        {
            Status = 0,
            ResponseBody = ReadOnlyMemory<byte>.Empty,
            ResponseHeaders = HeaderList.Empty,
            TtfbMs = null,
            Error = new SignalError(type, "connect failed"),
        };

        var s = Detector.Detect(exchange).Signal;

        Assert.Equal(0, s.Status);
        Assert.Equal(type, s.Error!.Type);
        Assert.Equal("error", s.FinishReason);
        Assert.Equal("gpt-4o-mini", s.Model);
        Assert.Null(s.CostUsd);
        Assert.Equal(UsageSources.None, s.UsageSource);
    }

    [Fact]
    public void ClientAbortedStream_KeepsWhatArrived()
    {
        var exchange = Capture.Load("openai/chat_stream_usage.http");
        exchange = exchange with
        {
            ClientAborted = true,
            Error = new SignalError(ProxyErrorTypes.ClientAborted, null),
            SseEvents = [.. exchange.SseEvents.Take(4)],
        };

        var s = Detector.Detect(exchange).Signal;

        Assert.Equal(ProxyErrorTypes.ClientAborted, s.Error!.Type);
        Assert.Equal(110, s.TtftMs);
        Assert.Equal(UsageSources.Estimated, s.UsageSource);
    }

    [Fact]
    public void Signal_NeverCarriesQueryCredentialsOrBodies()
    {
        var exchange = Capture.Parse("""
            POST https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=AIzaSyDsecretsecret
            content-type: application/json
            x-goog-api-key: AIzaSyDsecretsecret
            authorization: Bearer sk-live-secret

            {"contents":[{"parts":[{"text":"my private prompt"}]}]}
            === RESPONSE 200
            content-type: application/json

            {"candidates":[{"content":{"parts":[{"text":"my private answer"}],"role":"model"},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":4,"candidatesTokenCount":3,"totalTokenCount":7}}
            """);

        var json = SignalJson.Serialize(Detector.Detect(exchange).Signal);

        Assert.DoesNotContain("secret", json, StringComparison.Ordinal);
        Assert.DoesNotContain("key=", json, StringComparison.Ordinal);
        Assert.DoesNotContain("private", json, StringComparison.Ordinal);
        Assert.Contains("\"path\":\"/v1beta/models/gemini-2.0-flash:generateContent\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Signal_SerialisesEveryContractField()
    {
        var json = SignalJson.Serialize(Detector.DetectCapture("openai/chat_stream_usage.http").Signal);

        foreach (var field in new[]
        {
            "id", "kind", "schema_version", "customer_id", "agent_id", "timestamp", "session_id", "task_id", "provider", "provider_name",
            "category", "operation", "protocol", "http_version", "method", "host", "port", "path", "status", "source", "destination",
            "latency_ms", "ttfb_ms", "ttft_ms", "stream", "chunks", "request_bytes", "response_bytes", "model", "response_model", "usage",
            "usage_source", "cost_usd", "finish_reason", "error", "trace_id", "parent_span_id", "properties", "websocket",
        })
        {
            Assert.Contains($"\"{field}\":", json, StringComparison.Ordinal);
        }

        Assert.Contains("\"kind\":\"ai_call\"", json, StringComparison.Ordinal);
        Assert.Contains("\"timestamp\":\"2026-01-02T03:04:05.678Z\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Properties_AreLowerCasedAndBounded()
    {
        var headers = string.Join('\n', Enumerable.Range(0, 70).Select(i => $"X-Axom-Property-P{i}: v{i}"));
        var exchange = Capture.Parse($"POST https://api.openai.com/v1/embeddings\n{headers}\nX-Axom-Property-Team: {new string('t', 300)}\n\n{{}}");

        var properties = Detector.Detect(exchange).Signal.Properties;

        Assert.Equal(64, properties.Count);
        Assert.Equal("v0", properties["p0"]);
    }

    [Fact]
    public void OtherPathOnProviderHost_IsReportedWithoutUsage()
    {
        var exchange = Capture.Parse("GET https://api.openai.com/v1/models\n\n\n=== RESPONSE 200\ncontent-type: application/json\n\n{\"object\":\"list\",\"data\":[]}");

        var s = Detector.Detect(exchange).Signal;

        Assert.Equal("other", s.Operation);
        Assert.Equal(UsageSources.None, s.UsageSource);
        Assert.Null(s.CostUsd);
    }

    [Fact]
    public void Detector_IsSafeToShareAcrossThreads()
    {
        var captures = new[] { "openai/chat.http", "anthropic/messages_stream.http", "google_ai/generate.http", "cohere/v2_chat.http" }
            .Select(Capture.Load).ToArray();
        var expected = captures.Select(c => Detector.Detect(c).Signal.CostUsd).ToArray();

        Parallel.For(0, 400, i =>
        {
            var index = i % captures.Length;
            Assert.Equal(expected[index], Detector.Detect(captures[index]).Signal.CostUsd);
        });
    }
}
