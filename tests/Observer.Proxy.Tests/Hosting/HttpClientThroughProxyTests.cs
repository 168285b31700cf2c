using System.Net;
using Observer.Contracts.Exchanges;
using Observer.Proxy.Tests.Infrastructure;

namespace Observer.Proxy.Tests.Hosting;

public sealed class HttpClientThroughProxyTests : IClassFixture<ProxyFixture>
{
    private readonly ProxyFixture _fixture;

    public HttpClientThroughProxyTests(ProxyFixture fixture) => _fixture = fixture;

    private TestProxy Proxy => _fixture.Proxy;

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task InterceptedHttpsGet_ReachesUpstreamAndIsRecorded(string version)
    {
        using var client = Proxy.CreateClient(Version.Parse(version));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://{TestProxy.AiHost}/hello?api_key=secret&x=1");
        request.Version = Version.Parse(version);
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        request.Headers.Add("Authorization", "Bearer sk-secret");
        request.Headers.Add("X-Axom-Task-Id", "task-42");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Version.Parse(version), response.Version);
        Assert.Equal($"hello from {TestProxy.AiHost} via HTTP/{(version == "2.0" ? "2" : "1.1")}", body);
        var record = await Proxy.Sink.WaitForExchangeAsync(r => r.Path == "/hello" && r.Query.Contains("x=1", StringComparison.Ordinal) && r.HttpVersion == (version == "2.0" ? "2" : "1.1"));
        Assert.Equal("https", record.Protocol);
        Assert.Equal(TestProxy.AiHost, record.Host);
        Assert.Equal(443, record.Port);
        Assert.Equal(200, record.Status);
        Assert.Equal("127.0.0.1", record.DestinationIp);
        Assert.Equal(_fixture.Upstream.TlsPort, record.DestinationPort);
        Assert.Equal(CredentialRedactor.Redacted, record.RequestHeaders["Authorization"]);
        Assert.Equal("task-42", record.RequestHeaders["X-Axom-Task-Id"]);
        Assert.Equal("api_key=[REDACTED]&x=1", record.Query);
        Assert.Equal("yes", record.ResponseHeaders["X-Upstream"]);
        Assert.Equal(body.Length, record.ResponseBytes);
        Assert.Equal(body, System.Text.Encoding.UTF8.GetString(record.ResponseBody.Span));
        Assert.NotNull(record.TtfbMs);
        Assert.True(record.LatencyMs >= record.TtfbMs);
        Assert.Null(record.Error);
    }

    [Fact]
    public async Task ConcurrentHttp2Streams_ShareOneClientConnection()
    {
        using var client = Proxy.CreateClient(HttpVersion.Version20);
        var tasks = Enumerable.Range(0, 20).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"https://{TestProxy.AiHost}/sse?n=3&delayMs=50&stream={i}")
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            using var response = await client.SendAsync(request);
            return await response.Content.ReadAsStringAsync();
        });
        var bodies = await Task.WhenAll(tasks);

        Assert.All(bodies, b => Assert.Equal(3, b.Split("data:").Length - 1));
        var records = new List<ExchangeRecord>();
        for (var i = 0; i < 20; i++)
        {
            records.Add(await Proxy.Sink.WaitForExchangeAsync(r => r.Query == $"n=3&delayMs=50&stream={i}"));
        }

        Assert.Single(records.Select(r => r.Connection).Distinct());
        Assert.Equal(20, records.Select(r => r.Sequence).Distinct().Count());
    }
}
