using Observer.Providers.Catalog;

namespace Observer.Providers.Tests.Catalog;

public sealed class HostPatternTests
{
    [Theory]
    [InlineData("api.openai.com", "api.openai.com", true)]
    [InlineData("api.openai.com", "API.OpenAI.com", true)]
    [InlineData("api.openai.com", "api.openai.com.", true)]
    [InlineData("api.openai.com", "api.openai.com.evil.net", false)]
    [InlineData("api.openai.com", "evilapi.openai.com", false)]
    [InlineData("api.openai.com", "x.api.openai.com", false)]
    [InlineData("api.openai.com", "openai.com", false)]
    [InlineData("*.openai.azure.com", "contoso.openai.azure.com", true)]
    [InlineData("*.openai.azure.com", "a.b.openai.azure.com", true)]
    [InlineData("*.openai.azure.com", "openai.azure.com", false)]
    [InlineData("*.openai.azure.com", "evilopenai.azure.com", false)]
    [InlineData("*.openai.azure.com", "contoso.openai.azure.com.evil.net", false)]
    [InlineData("polly.*.amazonaws.com", "polly.us-east-1.amazonaws.com", true)]
    [InlineData("polly.*.amazonaws.com", "POLLY.eu-west-2.AMAZONAWS.com", true)]
    [InlineData("polly.*.amazonaws.com", "polly.amazonaws.com", false)]
    [InlineData("polly.*.amazonaws.com", "polly.a.b.amazonaws.com", false)]
    [InlineData("polly.*.amazonaws.com", "xpolly.us-east-1.amazonaws.com", false)]
    [InlineData("*-aiplatform.googleapis.com", "us-central1-aiplatform.googleapis.com", true)]
    [InlineData("*-aiplatform.googleapis.com", "aiplatform.googleapis.com", false)]
    [InlineData("*-aiplatform.googleapis.com", "x.us-central1-aiplatform.googleapis.com", false)]
    public void Matches_OnLabelBoundaries(string pattern, string host, bool expected) =>
        Assert.Equal(expected, HostPattern.Parse(pattern).Matches(host, 443));

    [Fact]
    public void PortIsIgnoredUnlessThePatternNamesOne()
    {
        Assert.True(HostPattern.Parse("api.openai.com").Matches("api.openai.com", 8443));
        Assert.True(HostPattern.Parse("localhost:11434").Matches("localhost", 11434));
        Assert.False(HostPattern.Parse("localhost:11434").Matches("localhost", 8080));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("host:99999")]
    [InlineData("host:abc")]
    [InlineData("**.example.com")]
    public void InvalidPattern_Throws(string pattern) =>
        Assert.Throws<FormatException>(() => HostPattern.Parse(pattern));
}
