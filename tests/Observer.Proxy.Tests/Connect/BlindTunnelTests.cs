using System.Net;
using System.Security.Cryptography.X509Certificates;
using Observer.Contracts.Signals;
using Observer.Proxy.Forwarding;
using Observer.Proxy.Tests.Infrastructure;

namespace Observer.Proxy.Tests.Connect;

public sealed class BlindTunnelTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await TestUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task ConnectToNonCatalogHost_TunnelsWithoutInterception()
    {
        await using var proxy = await TestProxy.StartAsync(_upstream);
        var body = await GetThroughAsync(proxy, TestProxy.OtherHost, _upstream.Ca.Certificate, proxy.Ca.Certificate);

        Assert.Equal($"hello from {TestProxy.OtherHost} via HTTP/1.1", body);
        var record = await proxy.Sink.WaitForExchangeAsync(r => r.Host == TestProxy.OtherHost);
        Assert.Equal("CONNECT", record.Method);
        Assert.Equal(200, record.Status);
        Assert.True(record.ResponseBytes > body.Length, "the tunnel carried TLS records, not just the body");
        Assert.True(record.ResponseBody.IsEmpty);
        Assert.Equal(_upstream.TlsPort, record.DestinationPort);
        Assert.Equal(1, proxy.Metrics.ConnectionsAccepted.WithLabels("tunnel").Value);
    }

    [Fact]
    public async Task PassthroughPattern_BeatsTheCatalog()
    {
        await using var proxy = await TestProxy.StartAsync(_upstream, o => o.Passthrough.Add("*.openai.com"));
        var body = await GetThroughAsync(proxy, TestProxy.AiHost, _upstream.Ca.Certificate, proxy.Ca.Certificate);

        Assert.StartsWith("hello from", body);
        Assert.Equal(0, proxy.Metrics.ConnectionsAccepted.WithLabels("intercept").Value);
    }

    [Fact]
    public async Task InterceptAll_DecryptsEveryHost()
    {
        await using var proxy = await TestProxy.StartAsync(_upstream, o => o.InterceptAll = true);
        var body = await GetThroughAsync(proxy, TestProxy.OtherHost, proxy.Ca.Certificate, _upstream.Ca.Certificate);

        Assert.StartsWith("hello from", body);
        var record = await proxy.Sink.WaitForExchangeAsync(r => r.Host == TestProxy.OtherHost);
        Assert.Equal("GET", record.Method);
        Assert.Equal("/hello", record.Path);
    }

    [Fact]
    public async Task TunnelToUnreachableHost_Gets502AndRecordsTheError()
    {
        var closedPort = ClosedPort();
        await using var proxy = await TestProxy.StartAsync(_upstream, o => o.Resolve.Add(new ResolveOverride("down.example.test", 443, "127.0.0.1", closedPort)));
        using var raw = await RawClient.ConnectAsync(proxy.Port);
        await raw.SendAsync("CONNECT down.example.test:443 HTTP/1.1\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 502", await raw.ReadToCloseAsync());
        var record = await proxy.Sink.WaitForExchangeAsync(r => r.Host == "down.example.test");
        Assert.Equal(ProxyErrorTypes.UpstreamUnreachable, record.Error?.Type);
    }

    [Fact]
    public async Task IdleTunnel_IsClosedAfterTheIdleTimeout()
    {
        await using var proxy = await TestProxy.StartAsync(_upstream, o => o.IdleTimeout = TimeSpan.FromSeconds(1));
        using var raw = await RawClient.ConnectAsync(proxy.Port);
        await raw.SendAsync($"CONNECT {TestProxy.OtherHost}:443 HTTP/1.1\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200", await raw.ReadHeadAsync());

        Assert.Equal("", await raw.ReadToCloseAsync());
        var record = await proxy.Sink.WaitForExchangeAsync(r => r.Host == TestProxy.OtherHost);
        Assert.Equal(ProxyErrorTypes.UpstreamTimeout, record.Error?.Type);
        Assert.False(record.ClientAborted);
    }

    internal static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>GETs /hello via the proxy, asserting the presented leaf chains to <paramref name="expectedRoot"/> and not to <paramref name="otherRoot"/>.</summary>
    private static async Task<string> GetThroughAsync(TestProxy proxy, string host, X509Certificate2 expectedRoot, X509Certificate2 otherRoot)
    {
        X509Certificate2? seen = null;
        using var client = new HttpClient(proxy.CreateHandler(expectedRoot, c => seen = c is null ? null : new X509Certificate2(c)));
        var body = await client.GetStringAsync($"https://{host}/hello");
        Assert.NotNull(seen);
        Assert.True(TestProxy.TrustsRoot(seen, System.Net.Security.SslPolicyErrors.None, expectedRoot));
        Assert.False(TestProxy.TrustsRoot(seen, System.Net.Security.SslPolicyErrors.None, otherRoot));
        return body;
    }
}
