using System.Net;
using Observer.Proxy.Forwarding;

namespace Observer.Proxy.Tests.Forwarding;

public sealed class ResolveOverrideTests
{
    [Fact]
    public void ValidText_Parses()
    {
        Assert.True(ResolveOverride.TryParse("API.openai.com:443=127.0.0.1:8443", out var value, out var error));
        Assert.Null(error);
        Assert.Equal(new ResolveOverride("api.openai.com", 443, "127.0.0.1", 8443), value);
    }

    [Fact]
    public void Ipv6Address_Parses()
    {
        Assert.True(ResolveOverride.TryParse("h.test:80=[::1]:8080", out var value, out _));
        Assert.Equal("::1", value!.Address);
    }

    [Theory]
    [InlineData("api.openai.com:443")]
    [InlineData("api.openai.com=127.0.0.1:1")]
    [InlineData("api.openai.com:443=localhost:1")]
    [InlineData("api.openai.com:0=127.0.0.1:1")]
    [InlineData("api.openai.com:443=127.0.0.1:70000")]
    public void InvalidText_FailsWithAMessageNamingIt(string text)
    {
        Assert.False(ResolveOverride.TryParse(text, out var value, out var error));
        Assert.Null(value);
        Assert.Contains(text, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolver_AppliesOverridesByHostAndPortOnly()
    {
        var resolver = new UpstreamResolver([new ResolveOverride("api.openai.com", 443, "127.0.0.1", 9000)]);

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 9000), resolver.Resolve("API.OPENAI.COM", 443));
        Assert.Equal(new DnsEndPoint("api.openai.com", 80), resolver.Resolve("api.openai.com", 80));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 443), resolver.Resolve("10.0.0.1", 443));
    }
}
