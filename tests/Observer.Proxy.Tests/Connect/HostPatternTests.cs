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
        var policy = new InterceptionPolicy(["*.corp.test"], ["secret.corp.test", "api.openai.com"], interceptAll: false, (h, _) => h == "api.openai.com" || h == "api.anthropic.com");

        Assert.True(policy.ShouldIntercept("app.corp.test", 443));
        Assert.False(policy.ShouldIntercept("secret.corp.test", 443));
        Assert.False(policy.ShouldIntercept("api.openai.com", 443));
        Assert.True(policy.ShouldIntercept("api.anthropic.com", 443));
        Assert.False(policy.ShouldIntercept("example.com", 443));
        Assert.True(new InterceptionPolicy([], [], interceptAll: true, (_, _) => false).ShouldIntercept("example.com", 443));
    }

    [Fact]
    public void ThrowingCatalogLookup_FailsOpenToATunnel()
    {
        var policy = new InterceptionPolicy([], [], interceptAll: false, (_, _) => throw new InvalidOperationException("catalog broken"));

        Assert.False(policy.ShouldIntercept("api.openai.com", 443));
    }

    [Fact]
    public void CatalogLookup_SeesTheConnectPort()
    {
        var policy = new InterceptionPolicy([], [], interceptAll: false, (h, p) => h == "localhost" && p == 11434);

        Assert.True(policy.ShouldIntercept("localhost", 11434));
        Assert.False(policy.ShouldIntercept("localhost", 443));
    }
}
