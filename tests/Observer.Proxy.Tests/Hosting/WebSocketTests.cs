using System.Net;
using System.Net.WebSockets;
using System.Text;
using Observer.Proxy.Tests.Infrastructure;

namespace Observer.Proxy.Tests.Hosting;

public sealed class WebSocketTests : IClassFixture<ProxyFixture>
{
    private readonly ProxyFixture _fixture;

    public WebSocketTests(ProxyFixture fixture) => _fixture = fixture;

    private TestProxy Proxy => _fixture.Proxy;

    [Fact]
    public async Task WssOverHttp11_EchoesAndObservesMessages()
    {
        using var socket = new ClientWebSocket();
        socket.Options.Proxy = new WebProxy(Proxy.ProxyUri);
        socket.Options.RemoteCertificateValidationCallback = (_, cert, _, errors) => TestProxy.TrustsRoot(cert, errors, Proxy.Ca.Certificate);
        await socket.ConnectAsync(new Uri($"wss://{TestProxy.AiHost}/ws?session=h1"), CancellationToken.None);
        await EchoRoundTripsAsync(socket, "h1");

        await AssertObservedAsync("wss", "1.1", "h1");
    }

    [Fact]
    public async Task WssOverHttp2ExtendedConnect_EchoesAndObservesMessages()
    {
        using var socket = new ClientWebSocket();
        socket.Options.HttpVersion = HttpVersion.Version20;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        using var invoker = new HttpMessageInvoker(Proxy.CreateHandler(http2: true));
        await socket.ConnectAsync(new Uri($"wss://{TestProxy.AiHost}/ws?session=h2"), invoker, CancellationToken.None);
        await EchoRoundTripsAsync(socket, "h2");

        await AssertObservedAsync("wss", "2", "h2");
    }

    [Fact]
    public async Task PlainWs_EchoesAndObservesMessages()
    {
        using var socket = new ClientWebSocket();
        socket.Options.Proxy = new WebProxy(Proxy.ProxyUri);
        await socket.ConnectAsync(new Uri("ws://ws.example.test/ws?session=plain"), CancellationToken.None);
        await EchoRoundTripsAsync(socket, "plain");

        await AssertObservedAsync("ws", "1.1", "plain");
    }

    private static async Task EchoRoundTripsAsync(ClientWebSocket socket, string tag)
    {
        var buffer = new byte[256 * 1024];
        foreach (var text in new[] { "hello " + tag, "second " + tag })
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            Assert.Equal(text, Encoding.UTF8.GetString(buffer, 0, result.Count));
        }

        // A large binary message crosses several reads and frames of the copy loop.
        var big = new byte[200_000];
        Random.Shared.NextBytes(big);
        await socket.SendAsync(big, WebSocketMessageType.Binary, true, CancellationToken.None);
        var received = 0;
        while (received < big.Length)
        {
            var r = await socket.ReceiveAsync(buffer.AsMemory(received), CancellationToken.None);
            received += r.Count;
        }

        Assert.True(big.AsSpan().SequenceEqual(buffer.AsSpan(0, big.Length)));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    private async Task AssertObservedAsync(string protocol, string httpVersion, string tag)
    {
        var messages = await Proxy.Sink.WaitForMessagesAsync(m => m.Text?.EndsWith(tag, StringComparison.Ordinal) == true, 4);
        Assert.Equal(2, messages.Count(m => m.FromClient));
        Assert.Equal(2, messages.Count(m => !m.FromClient));
        Assert.Contains(messages, m => m.FromClient && m.Text == "hello " + tag && m.IsText);

        var record = await Proxy.Sink.WaitForExchangeAsync(r => r.Path == "/ws" && r.Query == "session=" + tag);
        Assert.Equal(protocol, record.Protocol);
        Assert.Equal(httpVersion, record.HttpVersion);
        Assert.NotNull(record.WebSocket);
        Assert.Equal(3, record.WebSocket!.MessagesIn);
        Assert.Equal(3, record.WebSocket.MessagesOut);
        Assert.Equal(record.WebSocket.BytesIn, record.WebSocket.BytesOut);
        Assert.True(record.WebSocket.BytesIn > 200_000);
        var binary = Proxy.Sink.Messages.Single(m => m.ExchangeId == record.ExchangeId && m.FromClient && !m.IsText);
        Assert.Equal(200_000, binary.Length);
        Assert.Null(binary.Text);
    }
}
