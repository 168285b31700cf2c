using Observer.Contracts.Signals;
using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Parsers;

public sealed class GeminiTests
{
    [Fact]
    public void GenerateContent_ModelFromPathThoughtsAndCachedTokens()
    {
        var s = Detector.DetectCapture("google_ai/generate.http").Signal;

        Assert.Equal("google_ai", s.Provider);
        Assert.Equal("chat", s.Operation);
        Assert.Equal("gemini-2.5-flash", s.Model);
        Assert.Equal("gemini-2.5-flash", s.ResponseModel);
        Assert.Equal(1510, s.Usage.InputTokens);
        Assert.Equal(466, s.Usage.OutputTokens); // 9 candidates + 457 thoughts
        Assert.Equal(457, s.Usage.ReasoningTokens);
        Assert.Equal(1024, s.Usage.CacheReadInputTokens);
        Assert.Equal(1976, s.Usage.TotalTokens);
        Assert.Equal("stop", s.FinishReason);
        Assert.Equal(0.00134152m, s.CostUsd); // 486 × 0.30 + 1024 × 0.03 + 466 × 2.50 per 1M
    }

    [Fact]
    public void StreamSse_UsesLastUsageMetadataAndFirstTextTime()
    {
        var s = Detector.DetectCapture("google_ai/stream_sse.http").Signal;

        Assert.True(s.Stream);
        Assert.Equal(3, s.Chunks);
        Assert.Equal("gemini-2.0-flash", s.Model);
        Assert.Equal(7, s.Usage.InputTokens);
        Assert.Equal(20, s.Usage.OutputTokens);
        Assert.Equal(27, s.Usage.TotalTokens);
        Assert.Equal(100, s.TtftMs);
        Assert.Equal("stop", s.FinishReason);
        Assert.Equal(0.0000087m, s.CostUsd);
        Assert.Equal("/v1beta/models/gemini-2.0-flash:streamGenerateContent", s.Path);
    }

    [Fact]
    public void VertexStreamJsonArray_ReadsFinalChunkUsage()
    {
        var s = Detector.DetectCapture("google_ai/stream_array.http").Signal;

        Assert.Equal("google_ai", s.Provider);
        Assert.True(s.Stream);
        Assert.Equal("gemini-2.5-pro", s.Model);
        Assert.Equal("gemini-2.5-pro-preview-05-06", s.ResponseModel);
        Assert.Equal(11, s.Usage.InputTokens);
        Assert.Equal(1229, s.Usage.OutputTokens);
        Assert.Equal(1212, s.Usage.ReasoningTokens);
        Assert.Equal(1240, s.Usage.TotalTokens);
        Assert.Equal(0.01230375m, s.CostUsd);
        Assert.Equal(2, s.Chunks);
    }

    [Fact]
    public void VertexClaude_ReadsAnthropicBodyAtAnthropicPrices()
    {
        var s = Detector.DetectCapture("google_ai/vertex_claude.http").Signal;

        Assert.Equal("google_ai", s.Provider);
        Assert.Equal("claude-sonnet-4@20250514", s.Model);
        Assert.Equal("claude-sonnet-4-20250514", s.ResponseModel);
        Assert.Equal(10, s.Usage.InputTokens);
        Assert.Equal(12, s.Usage.OutputTokens);
        Assert.Equal(0.00021m, s.CostUsd); // 10 × 3 + 12 × 15 per 1M
    }

    [Fact]
    public void FunctionCall_IssuesFunctionName()
    {
        var call = Detector.DetectCapture("google_ai/function_call.http");

        Assert.Equal(["set_light_values"], call.Features.ToolCallIdsIssued);
        Assert.Equal(60, call.Signal.Usage.TotalTokens);
    }

    [Fact]
    public void InvalidKey_ReportsStatusAsErrorType()
    {
        var s = Detector.DetectCapture("google_ai/error_400.http").Signal;

        Assert.Equal("INVALID_ARGUMENT", s.Error!.Type);
        Assert.Equal("API key not valid. Please pass a valid API key.", s.Error.Message);
    }

    [Fact]
    public void EmbedContent_WithoutUsage_IsEstimated()
    {
        var s = Detector.DetectCapture("google_ai/embed.http").Signal;

        Assert.Equal("embeddings", s.Operation);
        Assert.Equal("gemini-embedding-001", s.Model);
        Assert.Equal(UsageSources.Estimated, s.UsageSource);
        Assert.True(s.Usage.InputTokens > 0);
        Assert.Null(s.Usage.OutputTokens);
        Assert.NotNull(s.CostUsd);
    }
}
