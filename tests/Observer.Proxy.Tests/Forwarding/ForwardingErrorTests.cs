using System.Net;
using Observer.Contracts.Signals;
using Observer.Proxy.Forwarding;
using Observer.Proxy.Tests.Connect;
using Observer.Proxy.Tests.Infrastructure;

namespace Observer.Proxy.Tests.Forwarding;

public sealed class ForwardingErrorTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await TestUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task UnreachableUpstream_Gets502WithReason()
    {
        var closedPort = BlindTunnelTests.ClosedPort();
        await using var proxy = await TestProxy.StartAsync(_upstream, o =>
        {
            o.Intercept.Add("down.example.test");
            o.Resolve.Add(new ResolveOverride("down.example.test", 443, "127.0.0.1", closedPort));
        });
        using var client = proxy.CreateClient();
        using var response = await client.GetAsync("https://down.example.test/v1/models");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("cannot reach upstream down.example.test:443", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var record = await proxy.Sink.WaitForExchangeAsync(r => r.Host == "down.example.test");
        Assert.Equal(ProxyErrorTypes.UpstreamUnreachable, record.Error?.Type);
        Assert.Equal(0, record.Status);
        Assert.Equal(1, proxy.Metrics.ProxyErrors.WithLabels(ProxyErrorTypes.UpstreamUnreachable).Value);
    }

    [Fact]
    public async Task UntrustedUpstreamCertificate_Gets502AndTlsError()
    {
        await using var proxy = await TestProxy.StartAsync(_upstream, o => o.UpstreamCaPath = null);
        using var client = proxy.CreateClient();
        using var response = await client.GetAsync($"https://{TestProxy.AiHost}/hello");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("upstream TLS failed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var record = await proxy.Sink.WaitForExchangeAsync(r => r.Path == "/hello");
        Assert.Equal(ProxyErrorTypes.UpstreamTlsError, record.Error?.Type);
    }

    [Fact]
    public async Task SilentUpstream_Gets504()
    {
        await using var proxy = await TestProxy.StartAsync(_upstream, o => o.IdleTimeout = TimeSpan.FromSeconds(1));
        using var client = proxy.CreateClient();
        using var response = await client.GetAsync($"https://{TestProxy.AiHost}/slow?ms=8000");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var record = await proxy.Sink.WaitForExchangeAsync(r => r.Path == "/slow");
        Assert.Equal(ProxyErrorTypes.UpstreamTimeout, record.Error?.Type);
        Assert.Equal(0, record.Status);
    }
}
