using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Observer.DemoAI.Hosting;
using Observer.EndToEnd.Tests.Infrastructure;

namespace Observer.EndToEnd.Tests.Sessions;

/// <summary>
/// Session recording through the real axom-observer: a call to the demo provider (MITM of api.openai.com) carrying an
/// API key is recorded, survives kill -9 and a restart, is shown and exported as HAR, and the key never reaches the
/// journal file.
/// </summary>
public sealed class SessionRecordingTests : IAsyncLifetime
{
    private const string ApiKey = "sk-axom-recording-test-key-6f1c2a";
    private const string Marker = "marker-visible-in-journal-81d2";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly string _folder = Directory.CreateTempSubdirectory("axom-e2e-sessions-").FullName;
    private WebApplication _demo = null!;

    private string DataDir => Path.Combine(_folder, "observer");

    public async Task InitializeAsync()
    {
        _demo = DemoAiApp.Build(new DemoAiOptions { HttpPort = 0, HttpsPort = 0, CaOut = Path.Combine(_folder, "demo-ca.pem"), LatencyMs = 5, ChunkDelayMs = 1 });
        await _demo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _demo.StopAsync();
        await _demo.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task RecordedCall_SurvivesKillNineAndRestart_ShowsAndExportsWithoutTheKey()
    {
        string sessionId;
        await using (var observer = StartObserver())
        {
            await observer.WaitUntilReadyAsync(Deadline);
            using var client = ObserverClient.Create(observer.ProxyPort, DataDir);
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.openai.com/v1/chat/completions")
            {
                Content = new StringContent("""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hi"}]}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + ApiKey);
            request.Headers.TryAddWithoutValidation("x-api-key", ApiKey);
            request.Headers.TryAddWithoutValidation("X-Test-Marker", Marker);
            using var response = await client.SendAsync(request);
            Assert.Equal(200, (int)response.StatusCode);

            var session = await SessionsCli.WaitForSessionAsync(DataDir, s => SessionsCli.HasDestination(s, "api.openai.com") && s.GetProperty("ai_calls").GetInt64() >= 1, observer);
            sessionId = session.GetProperty("session_id").GetString()!;
            Assert.Contains("openai", session.GetProperty("providers").EnumerateArray().Select(p => p.GetString()));

            // The task id comes from the correlator's own reply and may be written in a later batch than the call the
            // index counts: kill only once it is recorded, since the claim below is that what was recorded survives.
            await SessionsCli.WaitForRecordedAsync(DataDir, sessionId, s => s.GetProperty("exchanges").EnumerateArray().Any(HasTaskId), observer);
        }

        // DisposeAsync killed the process (SIGKILL): nothing was flushed on the way out.
        var show = await SessionsCli.RunAsync(DataDir, "show", sessionId);
        Assert.Contains("POST api.openai.com:443/v1/chat/completions 200", show, StringComparison.Ordinal);
        Assert.Contains("openai/chat model gpt-4o-mini", show, StringComparison.Ordinal);

        await using (var restarted = StartObserver())
        {
            await restarted.WaitUntilReadyAsync(Deadline);
            var again = await SessionsCli.RunAsync(DataDir, "show", sessionId, "--json");
            var exchange = Assert.Single(JsonDocument.Parse(again).RootElement.GetProperty("exchanges").EnumerateArray());
            Assert.Equal("openai", exchange.GetProperty("call").GetProperty("provider").GetString());
            Assert.False(string.IsNullOrEmpty(exchange.GetProperty("call").GetProperty("task_id").GetString()), "the task id produced at the time is recorded");
            Assert.Equal(200, exchange.GetProperty("status").GetInt32());
        }

        var journal = Directory.GetFiles(Path.Combine(DataDir, "journal"), "observer.db*");
        var bytes = journal.SelectMany(File.ReadAllBytes).ToArray();
        Assert.True(Contains(bytes, Marker), "the scan must see recorded header values (else it proves nothing)");
        Assert.False(Contains(bytes, ApiKey), "the API key reached the journal database");

        var harFile = Path.Combine(_folder, "session.har");
        await SessionsCli.RunAsync(DataDir, "export", sessionId, "--har", harFile);
        var har = await File.ReadAllTextAsync(harFile);
        Assert.DoesNotContain(ApiKey, har, StringComparison.Ordinal);
        var entry = Assert.Single(HarValidator.Validate(JsonDocument.Parse(har).RootElement));
        Assert.Equal("https://api.openai.com/v1/chat/completions", entry.GetProperty("request").GetProperty("url").GetString());
        Assert.Contains("gpt-4o-mini", entry.GetProperty("request").GetProperty("postData").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    private ObserverProcess StartObserver() => ObserverProcess.Start(DataDir, [
        "--resolve", $"api.openai.com:443=127.0.0.1:{DemoAiApp.BoundPort(_demo, "https")}",
        "--upstream-ca", Path.Combine(_folder, "demo-ca.pem"),
        "--backend-url", "http://127.0.0.1:9/api/v1/signals",
    ]);

    private static bool HasTaskId(JsonElement exchange) =>
        exchange.TryGetProperty("call", out var call) && call.ValueKind == JsonValueKind.Object
        && call.TryGetProperty("task_id", out var task) && task.ValueKind == JsonValueKind.String && task.GetString()!.Length > 0;

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;
}
