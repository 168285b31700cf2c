using System.Net;
using System.Net.Http.Headers;
using Observer.Proxy.Tests.Infrastructure;

namespace Observer.Proxy.Tests.Forwarding;

public sealed class HeaderPolicyTests : IClassFixture<ProxyFixture>
{
    private readonly ProxyFixture _fixture;

    public HeaderPolicyTests(ProxyFixture fixture) => _fixture = fixture;

    private TestProxy Proxy => _fixture.Proxy;

    [Fact]
    public async Task HopByHopProxyAndControlHeaders_AreNotForwarded()
    {
        using var client = Proxy.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://{TestProxy.AiHost}/headers");
        request.Headers.Connection.Add("X-Hop");
        request.Headers.Add("X-Hop", "1");
        request.Headers.Add("X-Keep", "1");
        request.Headers.Add("Proxy-Connection", "keep-alive");
        request.Headers.Add("X-Axom-Agent-Id", "agent-7");
        request.Headers.Add("X-Axom-Property-Team", "search");
        using var response = await client.SendAsync(request);
        var seen = await response.Content.ReadAsStringAsync();

        Assert.Contains("x-keep: 1", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("x-hop", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("proxy-connection", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("x-axom", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("via:", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("x-forwarded", seen, StringComparison.Ordinal);
        var record = await Proxy.Sink.WaitForExchangeAsync(r => r.Path == "/headers" && r.RequestHeaders["X-Axom-Agent-Id"] is not null);
        Assert.Equal("agent-7", record.RequestHeaders["X-Axom-Agent-Id"]);
        Assert.Equal("search", record.RequestHeaders["X-Axom-Property-Team"]);
    }

    [Fact]
    public async Task MismatchingHostInsideTunnel_StillGoesToTheConnectAuthority()
    {
        using var client = Proxy.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://{TestProxy.AiHost}/headers");
        request.Headers.Host = "evil.example.test";
        using var response = await client.SendAsync(request);

        Assert.Contains($"host: {TestProxy.AiHost}\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbsoluteFormPlainHttp_IsForwardedAndRecorded()
    {
        using var client = Proxy.CreateClient();
        var body = await client.GetStringAsync($"http://{TestProxy.AiHost}/hello");

        Assert.Equal($"hello from {TestProxy.AiHost} via HTTP/1.1", body);
        var record = await Proxy.Sink.WaitForExchangeAsync(r => r.Protocol == "http" && r.Path == "/hello");
        Assert.Equal(80, record.Port);
        Assert.Equal(_fixture.Upstream.PlainPort, record.DestinationPort);
    }

    [Fact]
    public async Task ExpectContinueUpload_IsEchoed()
    {
        using var client = Proxy.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"https://{TestProxy.AiHost}/echo") { Content = new StringContent("{\"prompt\":\"hi\"}") };
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);

        Assert.Equal("{\"prompt\":\"hi\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ResponseTrailersOverHttp2_ReachTheClient()
    {
        using var client = Proxy.CreateClient(HttpVersion.Version20);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://{TestProxy.AiHost}/trailers") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.SendAsync(request);
        Assert.Equal("body with trailers", await response.Content.ReadAsStringAsync());

        Assert.Equal("abc123", response.TrailingHeaders.GetValues("x-checksum").Single());
    }

    [Fact]
    public async Task GzipResponse_ClientGetsOriginalBytesRecordGetsDecoded()
    {
        using var client = Proxy.CreateClient();
        using var response = await client.GetAsync($"https://{TestProxy.AiHost}/gzip");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(new byte[] { 0x1f, 0x8b }, bytes[..2]);
        var record = await Proxy.Sink.WaitForExchangeAsync(r => r.Path == "/gzip");
        Assert.Equal("{\"model\":\"gpt-4o\",\"ok\":true}", System.Text.Encoding.UTF8.GetString(record.ResponseBody.Span));
        Assert.Equal(bytes.Length, record.ResponseBytes);
    }

    [Fact]
    public async Task PipelinedRequestsInOneWrite_AreAnsweredInOrder()
    {
        using var raw = await RawClient.ConnectAsync(Proxy.Port);
        await raw.SendAsync($"GET http://{TestProxy.AiHost}/hello HTTP/1.1\r\nHost: {TestProxy.AiHost}\r\n\r\nGET http://{TestProxy.AiHost}/trailers HTTP/1.1\r\nHost: {TestProxy.AiHost}\r\nConnection: close\r\n\r\n");
        var all = await raw.ReadToCloseAsync();

        var first = all.IndexOf("hello from", StringComparison.Ordinal);
        var second = all.IndexOf("body with trailers", StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first, all);
    }

    [Fact]
    public async Task KeepAliveConnection_CarriesManyExchangesWithSequence()
    {
        using var client = Proxy.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"https://{TestProxy.AiHost}/hello?seq-test={i}");
            request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        var records = new List<Observer.Contracts.Exchanges.ExchangeRecord>();
        for (var i = 0; i < 5; i++)
        {
            records.Add(await Proxy.Sink.WaitForExchangeAsync(r => r.Query == $"seq-test={i}"));
        }

        Assert.Single(records.Select(r => r.Connection).Distinct());
        Assert.Equal(records.Select(r => r.Sequence).Order(), records.Select(r => r.Sequence));
    }
}
