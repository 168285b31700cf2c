using Observer.Proxy.Tests.Infrastructure;

namespace Observer.Proxy.Tests.Hosting;

public sealed class CurlThroughProxyTests : IClassFixture<ProxyFixture>
{
    private readonly ProxyFixture _fixture;

    public CurlThroughProxyTests(ProxyFixture fixture) => _fixture = fixture;

    private TestProxy Proxy => _fixture.Proxy;

    [Theory]
    [InlineData("--http1.1", "HTTP/1.1")]
    [InlineData("--http2", "HTTP/2")]
    public async Task CurlWithExportedCa_GetsUpstreamBody(string flag, string expectedProtocol)
    {
        var result = await ProcessRunner.RunAsync("curl", ["-sS", flag, "-x", Proxy.ProxyUri.ToString(), "--cacert", Proxy.CaPemPath, $"https://{TestProxy.AiHost}/hello"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal($"hello from {TestProxy.AiHost} via {expectedProtocol}", result.Stdout);
    }
}
