using System.Globalization;
using System.Security.Cryptography;
using Observer.Proxy.Tests.Infrastructure;

namespace Observer.Proxy.Tests.Hosting;

/// <summary>100 MB down and 20 MB up through the intercepting proxy with curl, HttpClient and Node: bodies compared by SHA-256.</summary>
public sealed class LargeBodyTests : IClassFixture<ProxyFixture>, IAsyncLifetime
{
    private const long DownloadBytes = 100L * 1024 * 1024;
    private const long UploadBytes = 20L * 1024 * 1024;
    private const ulong Seed = 12345;
    private static readonly Lazy<string> DownloadHash = new(() => DeterministicBytes.Sha256Hex(DownloadBytes, Seed));

    private readonly ProxyFixture _fixture;
    private readonly string _uploadFile = Path.Combine(Path.GetTempPath(), "axom-upload-" + Guid.NewGuid().ToString("N"));
    private string _uploadHash = "";

    public LargeBodyTests(ProxyFixture fixture) => _fixture = fixture;

    private TestProxy Proxy => _fixture.Proxy;

    private string DownloadUrl => $"https://{TestProxy.AiHost}/bytes?n={DownloadBytes}&seed={Seed}";

    public async Task InitializeAsync() => _uploadHash = await DeterministicBytes.WriteFileAsync(_uploadFile, UploadBytes, Seed);

    public Task DisposeAsync()
    {
        File.Delete(_uploadFile);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("--http1.1")]
    [InlineData("--http2")]
    public async Task CurlDownload100MB_IsByteIdentical(string flag)
    {
        var result = await ProcessRunner.RunAsync("bash", ["-c", $"set -o pipefail; curl -sS {flag} -x {Proxy.ProxyUri} --cacert {Proxy.CaPemPath} '{DownloadUrl}' | sha256sum"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(DownloadHash.Value, result.Stdout.Split(' ')[0]);
        var record = await Proxy.Sink.WaitForExchangeAsync(r => r.Path == "/bytes" && r.HttpVersion == (flag == "--http2" ? "2" : "1.1") && r.ResponseBytes == DownloadBytes);
        Assert.True(record.ResponseBodyTruncated);
        Assert.Equal(1 << 20, record.ResponseBody.Length);
    }

    [Theory]
    [InlineData("--http1.1")]
    [InlineData("--http2")]
    public async Task CurlUpload20MB_ArrivesByteIdentical(string flag)
    {
        var result = await ProcessRunner.RunAsync("curl", ["-sS", flag, "-x", Proxy.ProxyUri.ToString(), "--cacert", Proxy.CaPemPath, "--data-binary", "@" + _uploadFile, $"https://{TestProxy.AiHost}/sha256"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal($"{_uploadHash} {UploadBytes}", result.Stdout);
    }

    [Fact]
    public async Task HttpClientDownloadAndUpload_AreByteIdentical()
    {
        using var client = Proxy.CreateClient();
        using (var response = await client.GetAsync(DownloadUrl, HttpCompletionOption.ResponseHeadersRead))
        await using (var body = await response.Content.ReadAsStreamAsync())
        {
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(body));
            Assert.Equal(DownloadHash.Value, hash);
        }

        await using var file = File.OpenRead(_uploadFile);
        using var upload = await client.PostAsync($"https://{TestProxy.AiHost}/sha256", new StreamContent(file));
        Assert.Equal($"{_uploadHash} {UploadBytes}", await upload.Content.ReadAsStringAsync());
        var record = await Proxy.Sink.WaitForExchangeAsync(r => r.Path == "/sha256" && r.RequestBytes == UploadBytes);
        Assert.True(record.RequestBodyTruncated);
    }

    [Fact]
    public async Task NodeDownloadAndUpload_AreByteIdentical()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Clients", "node-client.js");
        var port = Proxy.Port.ToString(CultureInfo.InvariantCulture);
        var down = await ProcessRunner.RunAsync("node", [script, port, TestProxy.AiHost, $"/bytes?n={DownloadBytes}&seed={Seed}", Proxy.CaPemPath]);
        Assert.True(down.ExitCode == 0, down.Stderr);
        Assert.Equal($"200 {DownloadHash.Value} {DownloadBytes}", down.Stdout.Trim());

        var up = await ProcessRunner.RunAsync("node", [script, port, TestProxy.AiHost, "/sha256", Proxy.CaPemPath, _uploadFile]);
        Assert.True(up.ExitCode == 0, up.Stderr);
        var expectedBody = $"{_uploadHash} {UploadBytes}";
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(expectedBody)));
        Assert.Equal($"200 {expectedHash} {expectedBody.Length}", up.Stdout.Trim());
    }
}
