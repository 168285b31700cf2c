using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Catalog;

public sealed class ProviderCatalogTests
{
    private static readonly Observer.Providers.Catalog.ProviderCatalog Catalog = Detector.Configuration.Catalog;

    [Theory]
    [InlineData("api.openai.com", "openai")]
    [InlineData("api.anthropic.com", "anthropic")]
    [InlineData("generativelanguage.googleapis.com", "google_ai")]
    [InlineData("aiplatform.googleapis.com", "google_ai")]
    [InlineData("europe-west4-aiplatform.googleapis.com", "google_ai")]
    [InlineData("api.cohere.ai", "cohere")]
    [InlineData("api.cohere.com", "cohere")]
    [InlineData("api.together.ai", "together")]
    [InlineData("api.together.xyz", "together")]
    [InlineData("api.groq.com", "groq")]
    [InlineData("api-inference.huggingface.co", "huggingface")]
    [InlineData("router.huggingface.co", "huggingface")]
    [InlineData("myres.openai.azure.com", "azure_openai")]
    [InlineData("api.deepgram.com", "deepgram")]
    [InlineData("api.assemblyai.com", "assemblyai")]
    [InlineData("api.elevenlabs.io", "elevenlabs")]
    [InlineData("api.play.ht", "playht")]
    [InlineData("polly.ap-south-1.amazonaws.com", "amazon_polly")]
    [InlineData("myres.cognitiveservices.azure.com", "azure_speech")]
    [InlineData("westeurope.tts.speech.microsoft.com", "azure_speech")]
    [InlineData("westeurope.stt.speech.microsoft.com", "azure_speech")]
    [InlineData("api.dubverse.ai", "dubverse")]
    [InlineData("api.sarvam.ai", "sarvam")]
    [InlineData("api.twilio.com", "twilio")]
    [InlineData("api.plivo.com", "plivo")]
    [InlineData("api.nexmo.com", "vonage")]
    [InlineData("api.vonage.com", "vonage")]
    [InlineData("api.daily.co", "daily")]
    [InlineData("api.100ms.live", "100ms")]
    [InlineData("api.mistral.ai", "mistral")]
    [InlineData("api.deepseek.com", "deepseek")]
    [InlineData("api.x.ai", "xai")]
    [InlineData("openrouter.ai", "openrouter")]
    [InlineData("api.perplexity.ai", "perplexity")]
    [InlineData("api.fireworks.ai", "fireworks")]
    [InlineData("bedrock-runtime.us-west-2.amazonaws.com", "aws_bedrock")]
    public void EveryListedHost_MatchesItsProvider(string host, string slug) =>
        Assert.Equal(slug, Catalog.MatchHost(host, 443)?.Slug);

    [Theory]
    [InlineData("api.openai.com.evil.net")]
    [InlineData("evilapi.openai.com")]
    [InlineData("openai.com")]
    [InlineData("s3.us-east-1.amazonaws.com")]
    [InlineData("polly.amazonaws.com")]
    [InlineData("example.com")]
    public void Lookalikes_DoNotMatch(string host) => Assert.Null(Catalog.MatchHost(host, 443));

    [Fact]
    public void LocalHost_MatchesOnlyOnItsPort()
    {
        Assert.Equal("local", Catalog.MatchHost("localhost", 11434)?.Slug);
        Assert.Null(Catalog.MatchHost("localhost", 8080));
        Assert.True(Detector.Configuration.IsProviderHost("127.0.0.1", 11434));
        Assert.False(Detector.Configuration.IsProviderHost("127.0.0.1", 5000));
    }

    [Fact]
    public void LocalServer_OnlyListedPathsAreCalls()
    {
        Assert.NotNull(Catalog.Match("localhost", 11434, "POST", "/api/chat"));
        Assert.Null(Catalog.Match("localhost", 11434, "GET", "/api/tags"));
    }

    [Fact]
    public void UnlistedPathOnProviderHost_IsOtherOperation()
    {
        var match = Catalog.Match("api.openai.com", 443, "GET", "/v1/models");

        Assert.Equal("other", match?.Operation);
    }

    [Fact]
    public void IsProviderHost_IgnoresCaseAndPortForRemoteProviders()
    {
        Assert.True(Detector.Configuration.IsProviderHost("API.ANTHROPIC.COM", 8443));
        Assert.False(Detector.Configuration.IsProviderHost("api.anthropic.com.evil.net", 443));
    }

    [Fact]
    public void CredentialHeaders_IncludeProviderKeyHeaders()
    {
        var headers = Detector.Configuration.CredentialHeaders;

        Assert.Contains("xi-api-key", headers, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("x-goog-api-key", headers, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Ocp-Apim-Subscription-Key", headers, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("api-subscription-key", headers, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("x-api-key", headers, StringComparer.OrdinalIgnoreCase);
    }
}
