using Observer.Contracts.Signals;
using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Parsers;

public sealed class OpenAiChatTests
{
    [Fact]
    public void ChatCompletion_ReportsModelUsageCachedTokensFinishAndCost()
    {
        var call = Detector.DetectCapture("openai/chat.http");
        var s = call.Signal;

        Assert.Equal("openai", s.Provider);
        Assert.Equal("OpenAI", s.ProviderName);
        Assert.Equal("llm", s.Category);
        Assert.Equal("chat", s.Operation);
        Assert.Equal("gpt-4o-mini", s.Model);
        Assert.Equal("gpt-4o-mini-2024-07-18", s.ResponseModel);
        Assert.Equal(1219, s.Usage.InputTokens);
        Assert.Equal(8, s.Usage.OutputTokens);
        Assert.Equal(1227, s.Usage.TotalTokens);
        Assert.Equal(1024, s.Usage.CacheReadInputTokens);
        Assert.Equal(0, s.Usage.ReasoningTokens);
        Assert.Null(s.Usage.CacheCreationInputTokens);
        Assert.Equal(UsageSources.Reported, s.UsageSource);
        Assert.Equal("stop", s.FinishReason);
        Assert.Equal(0.00011085m, s.CostUsd); // 195 × 0.15 + 1024 × 0.075 + 8 × 0.60 per 1M
        Assert.False(s.Stream);
        Assert.Null(s.TtftMs);
        Assert.Null(s.Error);
        Assert.Equal(200, s.Status);
    }

    [Fact]
    public void ChatCompletion_CarriesIdsTraceAndPropertiesWithoutBodies()
    {
        var exchange = Capture.Load("openai/chat.http");
        var call = Detector.Detect(exchange);
        var s = call.Signal;

        Assert.Equal(exchange.ExchangeId, s.Id);
        Assert.Equal("conn-1", s.SessionId);
        Assert.Equal("cust-1", s.CustomerId);
        Assert.Equal("agent-1", s.AgentId);
        Assert.Null(s.TaskId);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", s.TraceId);
        Assert.Equal("00f067aa0ba902b7", s.ParentSpanId);
        Assert.Equal("checkout", s.Properties["feature"]);
        Assert.Equal("/v1/chat/completions", s.Path);

        var json = SignalJson.Serialize(s);
        Assert.DoesNotContain("capital", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Paris", json, StringComparison.Ordinal);
        Assert.DoesNotContain("helpful", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ReasoningModel_ReportsReasoningTokensAndCost()
    {
        var s = Detector.DetectCapture("openai/chat_reasoning.http").Signal;

        Assert.Equal("o3-mini", s.Model);
        Assert.Equal("o3-mini-2025-01-31", s.ResponseModel);
        Assert.Equal(24, s.Usage.InputTokens);
        Assert.Equal(1550, s.Usage.OutputTokens);
        Assert.Equal(1536, s.Usage.ReasoningTokens);
        Assert.Equal(0, s.Usage.CacheReadInputTokens);
        Assert.Equal(0.0068464m, s.CostUsd);
    }

    [Fact]
    public void StreamWithIncludeUsage_ReadsUsageFromFinalChunkAndTiming()
    {
        var call = Detector.DetectCapture("openai/chat_stream_usage.http");
        var s = call.Signal;

        Assert.True(s.Stream);
        Assert.Equal(9, s.Chunks);
        Assert.Equal("gpt-4o", s.Model);
        Assert.Equal("gpt-4o-2024-08-06", s.ResponseModel);
        Assert.Equal(12, s.Usage.InputTokens);
        Assert.Equal(5, s.Usage.OutputTokens);
        Assert.Equal(17, s.Usage.TotalTokens);
        Assert.Equal(UsageSources.Reported, s.UsageSource);
        Assert.Equal("stop", s.FinishReason);
        Assert.Equal(0.00008m, s.CostUsd);

        // The first chunk only carries the role; "This" arrives in the second event (110 ms).
        Assert.Equal(110, s.TtftMs);
        Assert.Equal(80, s.TtfbMs);
        Assert.NotNull(call.OutputTokensPerSecond);
        Assert.Equal(5 / ((s.LatencyMs - 110) / 1000), call.OutputTokensPerSecond!.Value, 6);
    }

    [Fact]
    public void StreamChunksInOtherLayouts_ReadTheSame()
    {
        // Pretty-printed chunks, usage before choices, and a content string that mentions "usage" and "choices".
        var exchange = Capture.Parse("""
            POST https://api.openai.com/v1/chat/completions
            content-type: application/json

            {"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}
            === RESPONSE 200
            content-type: text/event-stream

            data: {"model": "gpt-4o-2024-08-06", "choices": [ { "index": 0, "delta": { "role": "assistant", "content": "" } } ]}

            data: {"model": "gpt-4o-2024-08-06", "choices": [ { "index": 0, "delta": { "content": "say \"usage\":{ and \"choices\": " } } ]}

            data: {"usage": {"prompt_tokens": 9, "completion_tokens": 7, "total_tokens": 16}, "choices": [ { "index": 0, "delta": {}, "finish_reason": "length" } ], "model": "gpt-4o-2024-08-06"}
            """);

        var call = Detector.Detect(exchange);

        Assert.Equal(16, call.Signal.Usage.TotalTokens);
        Assert.Equal("length", call.Signal.FinishReason);
        Assert.Equal(110, call.Signal.TtftMs);
    }

    [Fact]
    public void StreamWithoutUsage_EstimatesTokensWithTokenizer()
    {
        var s = Detector.DetectCapture("openai/chat_stream_no_usage.http").Signal;

        Assert.Equal(UsageSources.Estimated, s.UsageSource);
        Assert.Equal(5, s.Usage.OutputTokens); // "This is a test." in o200k_base
        Assert.True(s.Usage.InputTokens is > 5 and < 20, $"input estimate {s.Usage.InputTokens}");
        Assert.Equal(s.Usage.InputTokens + s.Usage.OutputTokens, s.Usage.TotalTokens);
        Assert.NotNull(s.CostUsd);
        Assert.Equal("stop", s.FinishReason);
    }

    [Fact]
    public void ToolCallResponse_IssuesToolCallIdAndNormalisesFinish()
    {
        var call = Detector.DetectCapture("openai/chat_tool_calls.http");

        Assert.Equal("tool_calls", call.Signal.FinishReason);
        Assert.Equal(["call_abc123"], call.Features.ToolCallIdsIssued);
        Assert.Equal(0.000300m, call.Signal.CostUsd);
    }

    [Fact]
    public void ToolResultRequest_AnswersToolCallIdAndContinuesConversation()
    {
        var first = Detector.DetectCapture("openai/chat_tool_calls.http");
        var second = Detector.DetectCapture("openai/chat_tool_result.http");

        Assert.Equal(["call_abc123"], second.Features.ToolCallIdsAnswered);
        Assert.Contains(first.Features.ContinuationHash!.Value, second.Features.PrefixHashes);
    }

    [Fact]
    public void RateLimited_ReportsProviderErrorTypeAndMessage()
    {
        var s = Detector.DetectCapture("openai/error_429.http").Signal;

        Assert.Equal(429, s.Status);
        Assert.Equal("tokens", s.Error!.Type);
        Assert.StartsWith("Rate limit reached for gpt-4o", s.Error.Message, StringComparison.Ordinal);
        Assert.Equal("error", s.FinishReason);
        Assert.Null(s.CostUsd);
        Assert.Equal(UsageSources.None, s.UsageSource);
    }

    [Fact]
    public void Unauthorized_ReportsInvalidRequestError()
    {
        var s = Detector.DetectCapture("openai/error_401.http").Signal;

        Assert.Equal(401, s.Status);
        Assert.Equal("invalid_request_error", s.Error!.Type);
        Assert.Equal("gpt-4o", s.Model);
    }
}
