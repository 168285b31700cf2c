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
}
