using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Parsers;

public sealed class OpenAiCompatibleTests
{
    [Fact]
    public void AzureDeployment_ModelFromPathCostFromResponseModel()
    {
        var s = Detector.DetectCapture("azure_openai/chat_deployment.http").Signal;

        Assert.Equal("azure_openai", s.Provider);
        Assert.Equal("Azure OpenAI", s.ProviderName);
        Assert.Equal("prod-gpt4o", s.Model);
        Assert.Equal("gpt-4o-2024-08-06", s.ResponseModel);
        Assert.Equal(33, s.Usage.InputTokens);
        Assert.Equal(13, s.Usage.OutputTokens);
        Assert.Equal(0.0002125m, s.CostUsd); // OpenAI gpt-4o prices: 33 × 2.5 + 13 × 10 per 1M
        Assert.Equal("/openai/deployments/prod-gpt4o/chat/completions", s.Path);
    }

    [Fact]
    public void AzureContentFilter_ReportsCode()
    {
        var s = Detector.DetectCapture("azure_openai/content_filter_400.http").Signal;

        Assert.Equal("content_filter", s.Error!.Type);
        Assert.Equal("error", s.FinishReason);
    }

    [Fact]
    public void GroqStream_ReadsXGroqUsage()
    {
        var s = Detector.DetectCapture("groq/chat_stream.http").Signal;

        Assert.Equal("groq", s.Provider);
        Assert.Equal(40, s.Usage.InputTokens);
        Assert.Equal(4, s.Usage.OutputTokens);
        Assert.Equal(0.00002676m, s.CostUsd); // 40 × 0.59 + 4 × 0.79 per 1M
        Assert.Equal(110, s.TtftMs);
    }

    [Fact]
    public void DeepSeek_ReadsCacheHitTokens()
    {
        var s = Detector.DetectCapture("deepseek/chat.http").Signal;

        Assert.Equal(768, s.Usage.CacheReadInputTokens);
        Assert.Equal(0.000090664m, s.CostUsd); // 232 × 0.28 + 768 × 0.028 + 10 × 0.42 per 1M
    }

    [Fact]
    public void OpenRouter_UsesReportedCost()
    {
        var s = Detector.DetectCapture("openrouter/chat.http").Signal;

        Assert.Equal("openrouter", s.Provider);
        Assert.Equal("anthropic/claude-3.5-sonnet", s.Model);
        Assert.Equal(0.000177m, s.CostUsd);
    }

    [Fact]
    public void Mistral_Together_Perplexity_Fireworks_ArePriced()
    {
        Assert.Equal(0.000236m, Detector.DetectCapture("mistral/chat.http").Signal.CostUsd); // 16 × 2 + 34 × 6
        var together = Detector.DetectCapture("together/chat.http").Signal;
        Assert.Equal(0.00004928m, together.CostUsd); // 56 × 0.88
        Assert.Equal("stop", together.FinishReason); // "eos" normalised
        Assert.Equal(0.005084m, Detector.DetectCapture("perplexity/chat.http").Signal.CostUsd); // 84 × 1 + request fee
        Assert.Equal(0.0000189m, Detector.DetectCapture("fireworks/chat.http").Signal.CostUsd); // 21 × 0.90
    }

    [Fact]
    public void HuggingFace_RouterAndModelPaths()
    {
        var router = Detector.DetectCapture("huggingface/router_chat.http").Signal;
        var loading = Detector.DetectCapture("huggingface/model_task.http").Signal;

        Assert.Equal(("huggingface", "chat", 50L), (router.Provider, router.Operation, router.Usage.TotalTokens!.Value));
        Assert.Equal("meta-llama/Llama-3.1-8B-Instruct:cerebras", router.Model);
        Assert.Equal(("chat", 503), (loading.Operation, loading.Status));
        Assert.Equal("Model meta-llama/Llama-3.1-8B-Instruct is currently loading", loading.Error!.Message);
    }

    [Fact]
    public void Xai_FoldsReasoningIntoOutput()
    {
        var s = Detector.DetectCapture("xai/chat.http").Signal;

        Assert.Equal("xai", s.Provider);
        Assert.Equal(103, s.Usage.OutputTokens);
        Assert.Equal(94, s.Usage.ReasoningTokens);
        Assert.Equal(6, s.Usage.CacheReadInputTokens);
        Assert.Equal(135, s.Usage.TotalTokens);
        Assert.Equal(0.0016275m, s.CostUsd);
    }
}
