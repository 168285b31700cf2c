using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Pricing;

public sealed class PriceTableTests
{
    private static readonly Observer.Providers.Pricing.PriceTable Prices = Detector.Configuration.Prices;

    [Theory]
    [InlineData("openai", "gpt-4o-mini-2024-07-18", "gpt-4o-mini")]
    [InlineData("openai", "gpt-4o-2024-11-20", "gpt-4o")]
    [InlineData("openai", "GPT-4O-MINI", "gpt-4o-mini")]
    [InlineData("openai", "o1-mini-2024-09-12", "o1-mini")]
    [InlineData("openai", "gpt-4-0613", "gpt-4")]
    [InlineData("anthropic", "claude-opus-4-5-20251101", "claude-opus-4-5")]
    [InlineData("anthropic", "claude-opus-4-1-20250805", "claude-opus-4")]
    [InlineData("google_ai", "models/gemini-2.5-flash-lite", "gemini-2.5-flash-lite")]
    [InlineData("aws_bedrock", "eu.anthropic.claude-3-7-sonnet-20250219-v1:0", "anthropic.claude-3-7-sonnet")]
    [InlineData("deepgram", "nova-3-medical", "nova-3")]
    [InlineData("deepgram", "enhanced", "")]
    public void LongestPrefixWins(string provider, string model, string prefix) =>
        Assert.Equal(prefix, Prices.Find(provider, model)?.ModelPrefix);

    [Theory]
    [InlineData("openai", "my-finetune")]
    [InlineData("anthropic", "claude-2.1")]
    [InlineData("local", "llama3.2")]
    [InlineData("nonexistent", "gpt-4o")]
    public void UnknownModel_HasNoPrice(string provider, string model) => Assert.Null(Prices.Find(provider, model));

    [Fact]
    public void UnknownModel_CostIsNullNotZero()
    {
        var exchange = Capture.Load("openai/chat.http");
        var text = System.Text.Encoding.UTF8.GetString(exchange.ResponseBody.Span).Replace("gpt-4o-mini-2024-07-18", "ft:custom-model", StringComparison.Ordinal);
        var request = System.Text.Encoding.UTF8.GetString(exchange.RequestBody.Span).Replace("gpt-4o-mini", "ft:custom-model", StringComparison.Ordinal);

        var s = Detector.Detect(exchange with { ResponseBody = System.Text.Encoding.UTF8.GetBytes(text), RequestBody = System.Text.Encoding.UTF8.GetBytes(request) }).Signal;

        Assert.Equal(1227, s.Usage.TotalTokens);
        Assert.Null(s.CostUsd);
    }

    [Fact]
    public void SpeechPrices_AreConvertedToPerSecondAndPerCharacter()
    {
        Assert.Equal(0.0043m / 60m, Prices.Find("deepgram", "nova-3")?.PerSecond);
        Assert.Equal(0.15m / 3600m, Prices.Find("assemblyai", "universal")?.PerSecond);
        Assert.Equal(0.0001m, Prices.Find("elevenlabs", "eleven_multilingual_v2")?.PerCharacter);
    }
}
