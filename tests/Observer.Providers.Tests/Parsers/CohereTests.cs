using Observer.Contracts.Signals;
using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Parsers;

public sealed class CohereTests
{
    [Fact]
    public void V2Chat_UsesBilledUnits()
    {
        var s = Detector.DetectCapture("cohere/v2_chat.http").Signal;

        Assert.Equal("cohere", s.Provider);
        Assert.Equal("command-a-03-2025", s.Model);
        Assert.Equal(17, s.Usage.InputTokens);
        Assert.Equal(12, s.Usage.OutputTokens);
        Assert.Equal("stop", s.FinishReason);
        Assert.Equal(0.0001625m, s.CostUsd);
    }

    [Fact]
    public void V2Stream_ReadsMessageEndUsage()
    {
        var s = Detector.DetectCapture("cohere/v2_chat_stream.http").Signal;

        Assert.True(s.Stream);
        Assert.Equal(3, s.Usage.InputTokens);
        Assert.Equal(9, s.Usage.OutputTokens);
        Assert.Equal(120, s.TtftMs);
        Assert.Equal("stop", s.FinishReason);
        Assert.Equal(0.0000975m, s.CostUsd);
    }

    [Fact]
    public void V1Chat_ReadsMetaBilledUnits()
    {
        var s = Detector.DetectCapture("cohere/v1_chat.http").Signal;

        Assert.Equal("api.cohere.ai", s.Host);
        Assert.Equal(31, s.Usage.InputTokens);
        Assert.Equal(10, s.Usage.OutputTokens);
        Assert.Equal(0.00001065m, s.CostUsd);
    }

    [Fact]
    public void V1NdjsonStream_ReadsStreamEnd()
    {
        var s = Detector.DetectCapture("cohere/v1_chat_stream.http").Signal;

        Assert.True(s.Stream);
        Assert.Equal(1, s.Usage.InputTokens);
        Assert.Equal(3, s.Usage.OutputTokens);
        Assert.Equal("stop", s.FinishReason);
        Assert.Equal(0.00000195m, s.CostUsd);
    }

    [Fact]
    public void Embed_ReadsBilledInputTokens()
    {
        var s = Detector.DetectCapture("cohere/v2_embed.http").Signal;

        Assert.Equal("embeddings", s.Operation);
        Assert.Equal(2, s.Usage.InputTokens);
        Assert.Equal(UsageSources.Reported, s.UsageSource);
        Assert.Equal(0.0000002m, s.CostUsd);
    }

    [Fact]
    public void Rerank_IsPricedPerRequest()
    {
        var s = Detector.DetectCapture("cohere/v2_rerank.http").Signal;

        Assert.Equal("rerank", s.Operation);
        Assert.Equal("rerank-v3.5", s.Model);
        Assert.Equal(0.002m, s.CostUsd);
    }

    [Fact]
    public void RateLimit_ReportsMessage()
    {
        var s = Detector.DetectCapture("cohere/error_429.http").Signal;

        Assert.Equal("http_429", s.Error!.Type);
        Assert.StartsWith("You are using a Trial key", s.Error.Message, StringComparison.Ordinal);
    }
}
