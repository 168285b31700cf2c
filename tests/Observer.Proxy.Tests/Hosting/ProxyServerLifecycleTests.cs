using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Observer.Contracts.Metrics;
using Observer.Proxy.Tests.Infrastructure;
using Observer.Proxy.Tls;

namespace Observer.Proxy.Tests.Hosting;

public sealed class ProxyServerLifecycleTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await TestUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task PortInUse_StartThrowsNamingThePort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var options = new ProxyOptions();
        options.Ports.Add(port);
        await using var server = new ProxyServer(options, _upstream.Ca, (_, _) => false, new RecordingSink(), new ObserverMetrics(), NullLoggerFactory.Instance);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync(CancellationToken.None));
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidOptions_AreRejectedNamingTheValue()
    {
        var options = new ProxyOptions { BindAddress = "not-an-ip" };
        options.Ports.Add(0);

        var e = Assert.Throws<ArgumentException>(() => new ProxyServer(options, _upstream.Ca, (_, _) => false, new RecordingSink(), new ObserverMetrics(), NullLoggerFactory.Instance));
        Assert.Contains("not-an-ip", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoPorts_BothServe()
    {
        await using var proxy = await TestProxy.StartAsync(_upstream, o => o.Ports.Add(0));
        Assert.Equal(2, proxy.Server.BoundEndpoints.Count);
        Assert.All(proxy.Server.BoundEndpoints, e => Assert.NotEqual(0, e.Port));

        var handler = proxy.CreateHandler();
        handler.Proxy = new WebProxy("http://127.0.0.1:" + proxy.Server.BoundEndpoints[1].Port);
        using var client = new HttpClient(handler);
        Assert.StartsWith("hello from", await client.GetStringAsync($"https://{TestProxy.AiHost}/hello"));
    }

    [Fact]
    public async Task StopDuringAStream_LetsItFinishWithinGraceThenRefusesConnections()
    {
        var proxy = await TestProxy.StartAsync(_upstream);
        try
        {
            using var client = proxy.CreateClient();
            using var response = await client.GetAsync($"https://{TestProxy.AiHost}/sse?n=6&delayMs=100", HttpCompletionOption.ResponseHeadersRead);
            var stop = proxy.Server.StopAsync(TimeSpan.FromSeconds(20), CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync();
            await stop;

            Assert.Equal(6, body.Split("data:").Length - 1);
            await Assert.ThrowsAnyAsync<SocketException>(async () =>
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, proxy.Port);
            });
        }
        finally
        {
            await proxy.DisposeAsync();
        }
    }

    [Fact]
    public async Task ConnectionEvents_AreReportedAndGaugeReturnsToZero()
    {
        await using var proxy = await TestProxy.StartAsync(_upstream);
        using (var client = proxy.CreateClient())
        {
            await client.GetStringAsync($"https://{TestProxy.AiHost}/hello");
            Assert.Equal(1, proxy.Metrics.ActiveConnections.Value);
        }

        await Poll.UntilAsync(() => proxy.Sink.Closed.Count == 1 ? proxy.Sink : null);
        Assert.Single(proxy.Sink.Opened);
        Assert.Equal(proxy.Sink.Opened.Single().Id, proxy.Sink.Closed.Single());
        Assert.Equal(0, proxy.Metrics.ActiveConnections.Value);
        Assert.Equal(1, proxy.Metrics.ConnectionsAccepted.WithLabels("intercept").Value);
        Assert.Equal(1, proxy.Metrics.Exchanges.WithLabels("https").Value);
    }
}
