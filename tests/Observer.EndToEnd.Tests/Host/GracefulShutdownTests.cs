using System.Text;
using Observer.EndToEnd.Tests.Infrastructure;

namespace Observer.EndToEnd.Tests.Host;

/// <summary>
/// SIGTERM while a call is streaming through the real observer: the stream finishes within the grace period, the
/// process exits 0, and the call's signal was flushed to the journal (the next start delivers it if the first did not).
/// </summary>
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private ProviderStack _stack = null!;

    public async Task InitializeAsync() => _stack = await ProviderStack.StartAsync("axom-e2e-graceful-");

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task SigtermMidStream_StreamCompletesExitZeroAndSignalIsKept()
    {
        var dataDir = Path.Combine(_stack.Folder, "observer");
        var arguments = _stack.ObserverArguments("--shutdown-grace", "20s", "--log-level", "warn");

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

        Assert.True(HasTheCall(), $"the streamed call's signal was lost; the backend holds: {string.Join(", ", _stack.Backend.Signals.Select(x => x.GetRawText()[..Math.Min(400, x.GetRawText().Length)]))}");
    }

    private bool HasTheCall() =>
        _stack.Backend.Signals.Any(s => s.GetProperty("kind").GetString() == "ai_call"
            && s.GetProperty("properties").TryGetProperty("case", out var value) && value.GetString() == "graceful"
            && s.GetProperty("stream").GetBoolean());
}
