using System.Globalization;
using System.Text;
using System.Text.Json;
using Observer.Contracts.Exchanges;
using Observer.Proxy.Tests.Infrastructure;

namespace Observer.Proxy.Tests.Forwarding;

/// <summary>
/// Trailers through the intercepting proxy with Node (the one client here that sends request trailers): a POST to the
/// upstream's <see cref="TrailerEchoEndpoint"/> with the request trailer <c>x-checksum: sha256(body)</c>, over HTTP/2
/// and over chunked HTTP/1.1. What YARP and HttpClient cannot carry is pinned here and explained in docs/proxy.md
/// ("Trailers"); each such test first sends the same request straight to the upstream, so the client and the
/// upstream are shown to handle the trailer and its absence is the proxy's.
/// </summary>
public sealed class TrailerTests : IClassFixture<ProxyFixture>, IAsyncLifetime
{
    private const long BodyBytes = 100 * 1024;
    private const ulong Seed = 4242;

    private readonly ProxyFixture _fixture;
    private readonly string _bodyFile = Path.Combine(Path.GetTempPath(), "axom-trailer-body-" + Guid.NewGuid().ToString("N"));
    private string _bodyHash = "";

    public TrailerTests(ProxyFixture fixture) => _fixture = fixture;

    private TestProxy Proxy => _fixture.Proxy;

    private string BodyLine => $"body {_bodyHash} {BodyBytes.ToString(CultureInfo.InvariantCulture)}\n";

    private string RequestTrailerLine => $"trailer x-checksum: {_bodyHash}\n";

    public async Task InitializeAsync() => _bodyHash = await DeterministicBytes.WriteFileAsync(_bodyFile, BodyBytes, Seed);

    public Task DisposeAsync()
    {
        File.Delete(_bodyFile);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task NodeHttp2PostWithRequestTrailer_ResponseTrailerReachesClientAndRecordIsComplete()
    {
        var path = UniquePath();
        var answer = await RunNodeAsync("h2", path, ThroughProxy);

        Assert.Equal(200, answer.Status);
        Assert.StartsWith(BodyLine, answer.Body, StringComparison.Ordinal);
        Assert.Equal(_bodyHash, answer.Trailers.GetValueOrDefault(TrailerEchoEndpoint.ResponseTrailer));
        await AssertRecordIsCompleteAsync(path, "2", answer);
    }

    [Fact]
    public async Task NodeHttp11ChunkedPostWithRequestTrailer_BodyArrivesAndRecordIsComplete()
    {
        var path = UniquePath();
        var answer = await RunNodeAsync("h1", path, ThroughProxy);

        Assert.Equal(200, answer.Status);
        Assert.StartsWith(BodyLine, answer.Body, StringComparison.Ordinal);
        // Kestrel sends response trailers over HTTP/2 only: the upstream cannot offer one here, nor could the proxy pass it on.
        Assert.Empty(answer.Trailers);
        await AssertRecordIsCompleteAsync(path, "1.1", answer);
    }

    [Theory]
    [InlineData("h2")]
    [InlineData("h1")]
    public async Task NodeRequestTrailer_IsDroppedBeforeTheUpstream(string mode)
    {
        var direct = await RunNodeAsync(mode, UniquePath(), DirectToUpstream);
        Assert.Contains(RequestTrailerLine, direct.Body, StringComparison.Ordinal);

        var proxied = await RunNodeAsync(mode, UniquePath(), ThroughProxy);

        Assert.StartsWith(BodyLine + "trailers-supported true\n", proxied.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("trailer x-checksum", proxied.Body, StringComparison.Ordinal);
    }

    private static string UniquePath() => TrailerEchoEndpoint.Path + "?run=" + Guid.NewGuid().ToString("N");

    private string ThroughProxy => Proxy.Port.ToString(CultureInfo.InvariantCulture);

    private string DirectToUpstream => "direct:" + _fixture.Upstream.TlsPort.ToString(CultureInfo.InvariantCulture);

    private async Task AssertRecordIsCompleteAsync(string path, string httpVersion, NodeAnswer answer)
    {
        var query = path[(path.IndexOf('?', StringComparison.Ordinal) + 1)..];
        var record = await Proxy.Sink.WaitForExchangeAsync(r => r.Query == query);

        Assert.Equal(("https", httpVersion, "POST", TrailerEchoEndpoint.Path), (record.Protocol, record.HttpVersion, record.Method, record.Path));
        Assert.Equal(200, record.Status);
        Assert.Equal(BodyBytes, record.RequestBytes);
        Assert.Equal(Encoding.UTF8.GetByteCount(answer.Body), record.ResponseBytes);
        Assert.Equal(answer.Body, Encoding.UTF8.GetString(record.ResponseBody.Span));
        Assert.False(record.RequestBodyTruncated);
        Assert.Null(record.Error);
        Assert.False(record.ClientAborted);
    }

    /// <summary>Runs Clients/trailer-client.js; the CA is the observer's through the proxy, the upstream's when direct.</summary>
    private async Task<NodeAnswer> RunNodeAsync(string mode, string path, string target)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Clients", "trailer-client.js");
        var ca = target.StartsWith("direct:", StringComparison.Ordinal) ? _fixture.Upstream.Ca.CertificatePath : Proxy.CaPemPath;
        var result = await ProcessRunner.RunAsync("node", [script, mode, TestProxy.AiHost, path, ca, _bodyFile, target]);
        Assert.True(result.ExitCode == 0, result.Stderr);

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var trailers = root.GetProperty("trailers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        return new NodeAnswer(root.GetProperty("status").GetInt32(), root.GetProperty("body").GetString()!, trailers);
    }

    private sealed record NodeAnswer(int Status, string Body, IReadOnlyDictionary<string, string> Trailers);
}
