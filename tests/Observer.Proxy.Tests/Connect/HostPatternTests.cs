using Observer.Proxy.Connect;

namespace Observer.Proxy.Tests.Connect;

public sealed class HostPatternTests
{
    [Theory]
    [InlineData("api.openai.com", "api.openai.com", true)]
    [InlineData("api.openai.com", "API.OpenAI.com", true)]
    [InlineData("api.openai.com", "api.openai.com.", true)]
    [InlineData("api.openai.com", "x.api.openai.com", false)]
    [InlineData("*.openai.com", "api.openai.com", true)]
    [InlineData("*.openai.com", "a.b.openai.com", true)]
    [InlineData("*.openai.com", "openai.com", false)]
    [InlineData("*.openai.com", "notopenai.com", false)]
    [InlineData("*.openai.com", "api.openai.com.evil.test", false)]
    public void Matches_OnLabelBoundariesCaseInsensitive(string pattern, string host, bool expected)
    {
        Assert.Equal(expected, HostPattern.Parse(pattern).Matches(host));
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("api.*.com")]
    [InlineData("*.")]
    [InlineData("**.a.com")]
    public void InvalidPattern_IsRejectedWithItsText(string pattern)
    {
        var e = Assert.Throws<ArgumentException>(() => HostPattern.Parse(pattern));
        Assert.Contains($"'{pattern}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_PassthroughWinsThenInterceptAllThenPatternsThenCatalog()
    {
        var policy = new InterceptionPolicy(["*.corp.test"], ["secret.corp.test", "api.openai.com"], interceptAll: false, h => h == "api.openai.com" || h == "api.anthropic.com");

        Assert.True(policy.ShouldIntercept("app.corp.test"));
        Assert.False(policy.ShouldIntercept("secret.corp.test"));
        Assert.False(policy.ShouldIntercept("api.openai.com"));
        Assert.True(policy.ShouldIntercept("api.anthropic.com"));
        Assert.False(policy.ShouldIntercept("example.com"));
        Assert.True(new InterceptionPolicy([], [], interceptAll: true, _ => false).ShouldIntercept("example.com"));
    }

    [Fact]
    public void ThrowingCatalogLookup_FailsOpenToATunnel()
    {
        var policy = new InterceptionPolicy([], [], interceptAll: false, _ => throw new InvalidOperationException("catalog broken"));

        Assert.False(policy.ShouldIntercept("api.openai.com"));
    }
}
