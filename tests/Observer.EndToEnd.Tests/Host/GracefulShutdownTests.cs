using System.Text;
using Microsoft.AspNetCore.Builder;
using Observer.DemoAI.Hosting;
using Observer.EndToEnd.Tests.Infrastructure;

namespace Observer.EndToEnd.Tests.Host;

/// <summary>
/// SIGTERM while a call is streaming through the real observer: the stream finishes within the grace period, the
/// process exits 0, and the call's signal was flushed to the journal (the next start delivers it if the first did not).
/// </summary>
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly string _folder = Directory.CreateTempSubdirectory("axom-e2e-graceful-").FullName;
    private RecordingBackend _backend = null!;
    private WebApplication _provider = null!;

    public async Task InitializeAsync()
    {
        _backend = await RecordingBackend.StartAsync();
        _provider = DemoAiApp.Build(new DemoAiOptions { HttpPort = 0, HttpsPort = 0, CaOut = Path.Combine(_folder, "demo-ca.pem"), LatencyMs = 0, ChunkDelayMs = 0 });
        await _provider.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _backend.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task SigtermMidStream_StreamCompletesExitZeroAndSignalIsKept()
    {
        var dataDir = Path.Combine(_folder, "observer");
        string[] arguments =
        [
            "--backend-url", _backend.SignalsUrl, "--upstream-ca", Path.Combine(_folder, "demo-ca.pem"),
            "--resolve", $"api.openai.com:443=127.0.0.1:{DemoAiApp.BoundPort(_provider, "https")}",
            "--shutdown-grace", "20s", "--log-level", "warn",
        ];

        int exitCode;
        string body;
        await using (var observer = ObserverProcess.Start(dataDir, arguments))
        {
            await observer.WaitUntilReadyAsync(Deadline);
            using var client = ObserverClient.Create(observer.ProxyPort, observer.DataDir);
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.openai.com/v1/chat/completions")
            {
                Content = new StringContent(
                    """{"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Tell me a story"}]}""",
                    Encoding.UTF8,
                    "application/json"),
            };
            request.Headers.Add("X-Demo-Chunk-Delay-Ms", "100");
            request.Headers.Add("X-Axom-Property-Case", "graceful");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            var first = new byte[16];
            Assert.True(await stream.ReadAsync(first) > 0);

            observer.Signal(UnixSignals.SigTerm);
            using var rest = new StreamReader(stream);
            body = Encoding.UTF8.GetString(first) + await rest.ReadToEndAsync();
            exitCode = await observer.WaitForExitAsync(Deadline);
        }

        Assert.Equal(0, exitCode);
        Assert.Contains("data: [DONE]", body, StringComparison.Ordinal);

        // Delivered before the exit, or kept in the journal and delivered by the next start.
        if (!HasTheCall())
        {
            await using var restarted = ObserverProcess.Start(dataDir, arguments);
            await restarted.WaitUntilReadyAsync(Deadline);
            var deadline = DateTime.UtcNow + Deadline;
            while (!HasTheCall() && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(HasTheCall(), $"the streamed call's signal was lost; the backend holds: {string.Join(", ", _backend.Signals.Select(x => x.GetRawText()[..Math.Min(400, x.GetRawText().Length)]))}");
    }

    private bool HasTheCall() =>
        _backend.Signals.Any(s => s.GetProperty("kind").GetString() == "ai_call"
            && s.GetProperty("properties").TryGetProperty("case", out var value) && value.GetString() == "graceful"
            && s.GetProperty("stream").GetBoolean());
}
