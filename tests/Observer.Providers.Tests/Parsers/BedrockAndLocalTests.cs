using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Parsers;

public sealed class BedrockAndLocalTests
{
    [Fact]
    public void BedrockConverse_ModelFromEncodedPathAndCacheUsage()
    {
        var s = Detector.DetectCapture("aws_bedrock/converse.http").Signal;

        Assert.Equal("aws_bedrock", s.Provider);
        Assert.Equal("us.anthropic.claude-3-7-sonnet-20250219-v1:0", s.Model);
        Assert.Equal(2030, s.Usage.InputTokens);
        Assert.Equal(2000, s.Usage.CacheReadInputTokens);
        Assert.Equal(40, s.Usage.OutputTokens);
        Assert.Equal(2070, s.Usage.TotalTokens);
        Assert.Equal("stop", s.FinishReason);
        Assert.Equal(0.00129m, s.CostUsd);
    }

    [Fact]
    public void BedrockInvokeClaude_ReadsAnthropicBody()
    {
        var s = Detector.DetectCapture("aws_bedrock/invoke_claude.http").Signal;

        Assert.Equal("anthropic.claude-3-haiku-20240307-v1:0", s.Model);
        Assert.Equal("claude-3-haiku-20240307", s.ResponseModel);
        Assert.Equal(22, s.Usage.InputTokens);
        Assert.Equal(25, s.Usage.OutputTokens);
        Assert.Equal(0.00003675m, s.CostUsd);
    }

    [Fact]
    public void BedrockThrottled_ErrorTypeFromHeader()
    {
        var s = Detector.DetectCapture("aws_bedrock/error_throttled.http").Signal;

        Assert.Equal("ThrottlingException", s.Error!.Type);
        Assert.Equal("Too many requests, please wait before trying again.", s.Error.Message);
    }

    [Fact]
    public void BedrockConverseStream_DecodesEventStreamFrames()
    {
        var exchange = Capture.Load("aws_bedrock/converse.http");
        var frames = AwsEventStreamWriter.Frames(
            ("messageStart", """{"p":"abc","role":"assistant"}"""),
            ("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"Hello"},"p":"abcd"}"""),
            ("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":" world"},"p":"ab"}"""),
            ("messageStop", """{"p":"abcdef","stopReason":"max_tokens"}"""),
            ("metadata", """{"metrics":{"latencyMs":602},"p":"a","usage":{"inputTokens":12,"outputTokens":2,"totalTokens":14}}"""));
        exchange = exchange with
        {
            Path = exchange.Path.Replace("/converse", "/converse-stream", StringComparison.Ordinal),
            ResponseHeaders = new([new("content-type", "application/vnd.amazon.eventstream")]),
            ResponseBody = frames,
            Streamed = true,
        };

        var s = Detector.Detect(exchange).Signal;

        Assert.True(s.Stream);
        Assert.Equal(12, s.Usage.InputTokens);
        Assert.Equal(2, s.Usage.OutputTokens);
        Assert.Equal("length", s.FinishReason);
        Assert.Equal(5, s.Chunks);
    }

    [Fact]
    public void OllamaChat_ReadsEvalCounts()
    {
        var s = Detector.DetectCapture("local/ollama_chat.http").Signal;

        Assert.Equal("local", s.Provider);
        Assert.Equal("local", s.Category);
        Assert.Equal("chat", s.Operation);
        Assert.Equal("llama3.2", s.Model);
        Assert.Equal(26, s.Usage.InputTokens);
        Assert.Equal(298, s.Usage.OutputTokens);
        Assert.Equal("stop", s.FinishReason);
        Assert.Null(s.CostUsd);
    }

    [Fact]
    public void OllamaStream_ReadsFinalNdjsonLine()
    {
        var s = Detector.DetectCapture("local/ollama_chat_stream.http").Signal;

        Assert.True(s.Stream);
        Assert.Equal(26, s.Usage.InputTokens);
        Assert.Equal(282, s.Usage.OutputTokens);
        Assert.Equal(3, s.Chunks);
    }

    [Fact]
    public void OllamaGenerate_IsTextCompletion()
    {
        var s = Detector.DetectCapture("local/ollama_generate.http").Signal;

        Assert.Equal("text_completion", s.Operation);
        Assert.Equal(259, s.Usage.OutputTokens);
    }

    [Fact]
    public void OpenAiCompatibleLocalServer_UsesOpenAiParser()
    {
        var s = Detector.DetectCapture("local/vllm_chat.http").Signal;

        Assert.Equal("local", s.Provider);
        Assert.Equal(20, s.Usage.InputTokens);
        Assert.Equal(3, s.Usage.OutputTokens);
    }
}
