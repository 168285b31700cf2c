using Observer.Contracts.Signals;
using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Parsers;

public sealed class OpenAiOperationsTests
{
    [Fact]
    public void ResponsesApi_ReadsUsageIdsAndClassificationText()
    {
        var call = Detector.DetectCapture("openai/responses.http");
        var s = call.Signal;

        Assert.Equal("chat", s.Operation);
        Assert.Equal("gpt-4.1", s.Model);
        Assert.Equal("gpt-4.1-2025-04-14", s.ResponseModel);
        Assert.Equal(36, s.Usage.InputTokens);
        Assert.Equal(87, s.Usage.OutputTokens);
        Assert.Equal(123, s.Usage.TotalTokens);
        Assert.Equal(0, s.Usage.CacheReadInputTokens);
        Assert.Equal(0, s.Usage.ReasoningTokens);
        Assert.Equal("stop", s.FinishReason);
        Assert.Equal(0.000768m, s.CostUsd);
        Assert.Equal("resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b", call.Features.ResponseId);
        Assert.Equal("resp_prev_123", call.Features.PreviousResponseId);
        Assert.Equal("You are a coding assistant that talks like a pirate.\nAre semicolons optional in JavaScript?", call.Features.ClassificationText);
    }

    [Fact]
    public void ResponsesStream_ReadsResponseCompleted()
    {
        var call = Detector.DetectCapture("openai/responses_stream.http");
        var s = call.Signal;

        Assert.True(s.Stream);
        Assert.Equal("o4-mini-2025-04-16", s.ResponseModel);
        Assert.Equal(14, s.Usage.InputTokens);
        Assert.Equal(268, s.Usage.OutputTokens);
        Assert.Equal(256, s.Usage.ReasoningTokens);
        Assert.Equal(130, s.TtftMs);
        Assert.Equal("stop", s.FinishReason);
        Assert.Equal(0.0011946m, s.CostUsd);
        Assert.Equal("resp_68af", call.Features.ResponseId);
    }

    [Fact]
    public void StreamedToolCalls_IssueIdFromFirstDelta()
    {
        var call = Detector.DetectCapture("openai/chat_stream_tool_calls.http");

        Assert.Equal(["call_DdmO9pD3xa9XTPNJ32zg2hcA"], call.Features.ToolCallIdsIssued);
        Assert.Equal("tool_calls", call.Signal.FinishReason);
        Assert.Equal(100, call.Signal.TtftMs);
        Assert.Equal(75, call.Signal.Usage.TotalTokens);
    }

    [Fact]
    public void LegacyCompletion_ReadsLengthFinish()
    {
        var s = Detector.DetectCapture("openai/completions.http").Signal;

        Assert.Equal("text_completion", s.Operation);
        Assert.Equal(5, s.Usage.InputTokens);
        Assert.Equal(7, s.Usage.OutputTokens);
        Assert.Equal("length", s.FinishReason);
        Assert.Equal(0.0000215m, s.CostUsd);
    }

    [Fact]
    public void Embeddings_ReadPromptTokens()
    {
        var s = Detector.DetectCapture("openai/embeddings.http").Signal;

        Assert.Equal("embeddings", s.Operation);
        Assert.Equal(8, s.Usage.InputTokens);
        Assert.Equal(8, s.Usage.TotalTokens);
        Assert.Equal(0.00000016m, s.CostUsd);
    }

    [Fact]
    public void ImageGeneration_IsPricedPerImage()
    {
        var s = Detector.DetectCapture("openai/images.http").Signal;

        Assert.Equal("image_generation", s.Operation);
        Assert.Equal("dall-e-3", s.Model);
        Assert.Equal(0.04m, s.CostUsd);
    }

    [Fact]
    public void Speech_CountsInputCharacters()
    {
        var s = Detector.DetectCapture("openai/speech.http").Signal;

        Assert.Equal("speech_synthesis", s.Operation);
        Assert.Equal(45, s.Usage.Characters);
        Assert.Equal(0.000675m, s.CostUsd);
    }

    [Fact]
    public void Transcription_ReadsModelFromFormAndDuration()
    {
        var s = Detector.DetectCapture("openai/transcription.http").Signal;

        Assert.Equal("audio_transcription", s.Operation);
        Assert.Equal("whisper-1", s.Model);
        Assert.Equal(8.470000267028809, s.Usage.AudioSeconds);
        Assert.Equal(0.000847m, s.CostUsd);
    }

    [Fact]
    public void TokenTranscription_PricesAudioTokens()
    {
        var s = Detector.DetectCapture("openai/transcription_tokens.http").Signal;

        Assert.Equal("gpt-4o-transcribe", s.Model);
        Assert.Equal(14, s.Usage.InputTokens);
        Assert.Equal(45, s.Usage.OutputTokens);
        Assert.Equal(0.000534m, s.CostUsd); // 14 audio × 6 + 45 × 10 per 1M
    }

    [Fact]
    public void Moderation_IsFree()
    {
        var s = Detector.DetectCapture("openai/moderation.http").Signal;

        Assert.Equal("moderation", s.Operation);
        Assert.Equal("omni-moderation-latest", s.ResponseModel);
        Assert.Equal(0m, s.CostUsd);
        Assert.Equal(UsageSources.None, s.UsageSource);
    }
}
