using Observer.Contracts.Signals;
using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Parsers;

public sealed class AnthropicTests
{
    [Fact]
    public void Message_ReportsCacheWriteTokensNormalisedInputAndCost()
    {
        var s = Detector.DetectCapture("anthropic/messages.http").Signal;

        Assert.Equal("anthropic", s.Provider);
        Assert.Equal("chat", s.Operation);
        Assert.Equal("claude-sonnet-4-5-20250929", s.Model);
        Assert.Equal("claude-sonnet-4-5-20250929", s.ResponseModel);
        Assert.Equal(1821, s.Usage.InputTokens); // 21 + 1800 written + 0 read
        Assert.Equal(1800, s.Usage.CacheCreationInputTokens);
        Assert.Equal(0, s.Usage.CacheReadInputTokens);
        Assert.Equal(12, s.Usage.OutputTokens);
        Assert.Equal(1833, s.Usage.TotalTokens);
        Assert.Null(s.Usage.ReasoningTokens);
        Assert.Equal("stop", s.FinishReason);
        Assert.Equal(UsageSources.Reported, s.UsageSource);
        Assert.Equal(0.006993m, s.CostUsd); // 21 × 3 + 1800 × 3.75 + 12 × 15 per 1M
    }

    [Fact]
    public void CacheRead_IsPricedAtTheReadRate()
    {
        var s = Detector.DetectCapture("anthropic/messages_turn2.http").Signal;

        Assert.Equal(1814, s.Usage.InputTokens);
        Assert.Equal(1800, s.Usage.CacheReadInputTokens);
        Assert.Equal(0.000717m, s.CostUsd); // 14 × 3 + 1800 × 0.30 + 9 × 15 per 1M
    }

    [Fact]
    public void Stream_ReadsMessageStartAndDeltaUsageAndTtft()
    {
        var s = Detector.DetectCapture("anthropic/messages_stream.http").Signal;

        Assert.True(s.Stream);
        Assert.Equal(8, s.Chunks);
        Assert.Equal("claude-3-5-haiku-20241022", s.ResponseModel);
        Assert.Equal(2025, s.Usage.InputTokens);
        Assert.Equal(2000, s.Usage.CacheReadInputTokens);
        Assert.Equal(15, s.Usage.OutputTokens);
        Assert.Equal("stop", s.FinishReason);
        Assert.Equal(130, s.TtftMs); // start, block start, ping, then "Hello"
        Assert.Equal(0.00024m, s.CostUsd);
    }

    [Fact]
    public void StreamWithoutEventFields_ReadsTheSame()
    {
        var exchange = Capture.Load("anthropic/messages_stream.http");
        var bare = exchange with { SseEvents = [.. exchange.SseEvents.Select(e => e with { EventType = null })] };

        var s = Detector.Detect(bare).Signal;

        Assert.Equal(15, s.Usage.OutputTokens);
        Assert.Equal(130, s.TtftMs);
        Assert.Equal(Detector.Detect(exchange).Features.ContinuationHash, Detector.Detect(bare).Features.ContinuationHash);
    }

    [Fact]
    public void ToolUse_IssuesIdAndToolResultAnswersIt()
    {
        var first = Detector.DetectCapture("anthropic/messages_tool_use.http");
        var second = Detector.DetectCapture("anthropic/messages_tool_result.http");

        Assert.Equal("tool_calls", first.Signal.FinishReason);
        Assert.Equal(["toolu_01A09q90qw90lq917835lq9"], first.Features.ToolCallIdsIssued);
        Assert.Equal(0.01116m, first.Signal.CostUsd);
        Assert.Equal(["toolu_01A09q90qw90lq917835lq9"], second.Features.ToolCallIdsAnswered);
        Assert.Contains(first.Features.ContinuationHash!.Value, second.Features.PrefixHashes);
    }

    [Fact]
    public void Overloaded_ReportsErrorType()
    {
        var s = Detector.DetectCapture("anthropic/error_overloaded.http").Signal;

        Assert.Equal(529, s.Status);
        Assert.Equal(new SignalError("overloaded_error", "Overloaded"), s.Error);
        Assert.Equal("error", s.FinishReason);
        Assert.Null(s.CostUsd);
    }

    [Fact]
    public void ErrorEventInStream_ReportsErrorWithStartUsage()
    {
        var s = Detector.DetectCapture("anthropic/stream_error.http").Signal;

        Assert.Equal(200, s.Status);
        Assert.Equal("overloaded_error", s.Error!.Type);
        Assert.Equal("error", s.FinishReason);
        Assert.Equal(8, s.Usage.InputTokens);
    }
}
