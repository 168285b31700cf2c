using Observer.Proxy.Tests.Infrastructure;

namespace Observer.Proxy.Tests.Connect;

/// <summary>Malformed client input gets its error, and the proxy keeps serving other clients.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;
    private TestProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _upstream = await TestUpstream.StartAsync();
        _proxy = await TestProxy.StartAsync(_upstream, o => o.ConnectHeadTimeout = TimeSpan.FromSeconds(1));
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task GarbageInsteadOfRequest_Gets400AndClose()
    {
        using (var raw = await RawClient.ConnectAsync(_proxy.Port))
        {
            await raw.SendAsync("\u0001\u0002 this is not http at all\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 400", await raw.ReadToCloseAsync());
        }

        await AssertStillServesAsync();
    }

    [Fact]
    public async Task OriginFormRequestOnPlainConnection_Gets400()
    {
        using (var raw = await RawClient.ConnectAsync(_proxy.Port))
        {
            await raw.SendAsync("GET /hello HTTP/1.1\r\nHost: api.openai.com\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 400", await raw.ReadHeadAsync());
        }

        await AssertStillServesAsync();
    }

    [Fact]
    public async Task OversizedHeaderBlock_Gets431()
    {
        using (var raw = await RawClient.ConnectAsync(_proxy.Port))
        {
            await raw.SendAsync("GET http://api.openai.com/hello HTTP/1.1\r\nHost: api.openai.com\r\nX-Big: " + new string('a', 40_000) + "\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 431", await raw.ReadToCloseAsync());
        }

        using (var raw = await RawClient.ConnectAsync(_proxy.Port))
        {
            await raw.SendAsync("CONNECT api.openai.com:443 HTTP/1.1\r\nX-Big: " + new string('a', 20_000) + "\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 431", await raw.ReadToCloseAsync());
        }

        await AssertStillServesAsync();
    }

    [Fact]
    public async Task ConnectThatNeverFinishes_Gets408AfterTheHeadTimeout()
    {
        using (var raw = await RawClient.ConnectAsync(_proxy.Port))
        {
            await raw.SendAsync("CONNECT api.openai.com:443 HTTP/1.1\r\n");
            Assert.StartsWith("HTTP/1.1 408", await raw.ReadToCloseAsync());
        }

        await AssertStillServesAsync();
    }

    [Fact]
    public async Task MalformedConnectLine_Gets400()
    {
        using (var raw = await RawClient.ConnectAsync(_proxy.Port))
        {
            await raw.SendAsync("CONNECT not a target\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 400", await raw.ReadToCloseAsync());
        }

        await AssertStillServesAsync();
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0x03, 0x04 })]
    [InlineData(new byte[] { 0x16, 0x03, 0x01, 0x00, 0x05, 0xde, 0xad, 0xbe, 0xef, 0x00 })]
    public async Task TunnelledBytesThatAreNotTls_CloseTheConnection(byte[] notTls)
    {
        using (var raw = await RawClient.ConnectAsync(_proxy.Port))
        {
            await raw.SendAsync("CONNECT api.openai.com:443 HTTP/1.1\r\nHost: api.openai.com:443\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 200", await raw.ReadHeadAsync());
            await raw.SendAsync(notTls);
            var rest = await raw.ReadToCloseAsync();
            Assert.DoesNotContain("HTTP/1.1 200", rest, StringComparison.Ordinal);
        }

        await AssertStillServesAsync();
    }

    [Fact]
    public async Task SecondConnectOnAConnection_Gets405()
    {
        using (var raw = await RawClient.ConnectAsync(_proxy.Port))
        {
            await raw.SendAsync("GET http://api.openai.com/hello HTTP/1.1\r\nHost: api.openai.com\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 200", await raw.ReadHeadAsync());
            var buffer = new byte[256];
            _ = await raw.Stream.ReadAsync(buffer);
            await raw.SendAsync("CONNECT api.openai.com:443 HTTP/1.1\r\nHost: api.openai.com:443\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 405", await raw.ReadHeadAsync());
        }
    }

    private async Task AssertStillServesAsync()
    {
        using var client = _proxy.CreateClient();
        Assert.StartsWith("hello from", await client.GetStringAsync($"https://{TestProxy.AiHost}/hello"));
    }
}
