using System.Diagnostics;
using Observer.Proxy.Tests.Infrastructure;

namespace Observer.Proxy.Tests.Hosting;

public sealed class StreamingTests : IClassFixture<ProxyFixture>
{
    private readonly ProxyFixture _fixture;

    public StreamingTests(ProxyFixture fixture) => _fixture = fixture;

    private TestProxy Proxy => _fixture.Proxy;

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task SseEvents200msApart_ReachClientSpreadOut(string version)
    {
        using var client = Proxy.CreateClient(Version.Parse(version));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://{TestProxy.AiHost}/sse?n=10&delayMs=200")
        {
            Version = Version.Parse(version),
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream);
        var arrivals = new List<long>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                arrivals.Add(Stopwatch.GetTimestamp());
            }
        }

        Assert.Equal(10, arrivals.Count);
        var gaps = arrivals.Zip(arrivals.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds).ToList();

        // Buffering would deliver the events together (spread ~0). A starved test thread may bunch one pair on a loaded
        // machine, so the typical (median) gap and the overall spread are asserted, not every gap.
        var median = gaps.Order().ElementAt(gaps.Count / 2);
        Assert.True(median >= 100, $"median gap {median:0} ms; gaps {string.Join(", ", gaps.Select(g => g.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.True(gaps.Sum() >= 1200, $"spread {gaps.Sum():0} ms");

        var record = await Proxy.Sink.WaitForExchangeAsync(r => r.Path == "/sse" && r.HttpVersion == (version == "2.0" ? "2" : "1.1"));
        Assert.True(record.Streamed);
        Assert.Equal(10, record.Chunks);
        Assert.Equal(10, record.SseEvents.Count);
        Assert.All(record.SseEvents, e => Assert.Equal("delta", e.EventType));
        Assert.Equal("{\"i\":9}", record.SseEvents[9].Data);
        Assert.True(record.SseEvents[9].AtMs - record.SseEvents[0].AtMs >= 1200);
    }

    [Fact]
    public async Task ClientDisconnectMidStream_CancelsUpstreamAndRecordsAbort()
    {
        using var client = Proxy.CreateClient();
        var response = await client.GetAsync($"https://{TestProxy.AiHost}/forever", HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        var reader = new StreamReader(stream);
        Assert.Equal("tick", await reader.ReadLineAsync());
        response.Dispose();
        client.Dispose();

        await _fixture.Upstream.ForeverAborted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var record = await Proxy.Sink.WaitForExchangeAsync(r => r.Path == "/forever");
        Assert.True(record.ClientAborted);
        Assert.Equal(Observer.Contracts.Signals.ProxyErrorTypes.ClientAborted, record.Error?.Type);
        Assert.Equal(200, record.Status);
    }
}
