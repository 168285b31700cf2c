using Observer.Providers.Catalog;

namespace Observer.Providers.Tests.Catalog;

public sealed class PathPatternTests
{
    [Theory]
    [InlineData("/v1/chat/completions", "/v1/chat/completions", true)]
    [InlineData("/v1/chat/completions", "/v1/chat/completions/", true)]
    [InlineData("/v1/chat/completions", "/V1/Chat/Completions", true)]
    [InlineData("/v1/chat/completions", "/v1/chat/completions/extra", false)]
    [InlineData("/v1/chat/completions", "/v1/chat", false)]
    [InlineData("/v1/text-to-speech/*", "/v1/text-to-speech/voice123", true)]
    [InlineData("/v1/text-to-speech/*", "/v1/text-to-speech/voice123/stream", false)]
    [InlineData("/**/tts", "/api/v2/tts", true)]
    [InlineData("/**/tts", "/tts", true)]
    public void Matches(string pattern, string path, bool expected) =>
        Assert.Equal(expected, PathPattern.Parse(pattern).Matches(path, out _));

    [Fact]
    public void ModelCapture_TakesTheAzureDeployment()
    {
        Assert.True(PathPattern.Parse("/openai/deployments/{model}/chat/completions").Matches("/openai/deployments/my-gpt4o/chat/completions", out var model));
        Assert.Equal("my-gpt4o", model);
    }

    [Fact]
    public void ModelCapture_StopsAtTheGeminiMethod()
    {
        var pattern = PathPattern.Parse("/**/models/{model}:streamGenerateContent");

        Assert.True(pattern.Matches("/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-pro:streamGenerateContent", out var model));
        Assert.Equal("gemini-2.5-pro", model);
        Assert.False(pattern.Matches("/v1beta/models/gemini-2.5-pro:generateContent", out _));
    }

    [Fact]
    public void ModelCapture_IsUnescaped()
    {
        Assert.True(PathPattern.Parse("/model/{model}/converse").Matches("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse", out var model));
        Assert.Equal("anthropic.claude-3-haiku-20240307-v1:0", model);
    }
}
