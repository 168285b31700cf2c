using System.Text;
using System.Text.Json;
using Observer.EndToEnd.Tests.Infrastructure;

namespace Observer.EndToEnd.Tests.Sessions;

/// <summary>
/// <c>sessions replay</c> through the real axom-observer: a plain-HTTP exchange with a loopback upstream that the
/// catalog does not know is recorded; replaying it with a configuration that adds the upstream as a local provider
/// reports the new detection; <c>--resend</c> reproduces the request byte for byte (minus redacted credentials).
/// </summary>
public sealed class SessionReplayTests : IAsyncLifetime
{
    private const string ApiKey = "sk-axom-replay-test-key-0b9e";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly string[] NotResent = ["Authorization", "x-api-key", "Host", "Content-Length", "Connection", "Proxy-Connection"];
    private readonly string _folder = Directory.CreateTempSubdirectory("axom-e2e-replay-").FullName;
    private CaptureUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await CaptureUpstream.StartAsync();

    public async Task DisposeAsync()
    {
        await _upstream.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ReplayAfterCatalogChange_ReportsNewDetection_AndResendReproducesTheRequest()
    {
        var dataDir = Path.Combine(_folder, "observer");
        var body = Encoding.UTF8.GetBytes("""{"model":"llama3","messages":[{"role":"user","content":"héllo ✓"}],"temperature":0.25}""");
        string sessionId;
        await using (var observer = ObserverProcess.Start(dataDir, ["--backend-url", "http://127.0.0.1:9/api/v1/signals"]))
        {
            await observer.WaitUntilReadyAsync(Deadline);
            using var client = ObserverClient.Create(observer.ProxyPort, dataDir);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{_upstream.Port}/v1/chat/completions?api-version=2024&mode=fast")
            {
                Content = new ByteArrayContent(body),
            };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + ApiKey);
            request.Headers.TryAddWithoutValidation("x-api-key", ApiKey);
            request.Headers.TryAddWithoutValidation("X-Request-Tag", "tag-1");
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            request.Headers.TryAddWithoutValidation("X-Axom-Agent-Id", "agent-replay");
            using var response = await client.SendAsync(request);
            Assert.Equal(200, (int)response.StatusCode);

            var session = await SessionsCli.WaitForSessionAsync(dataDir, s => SessionsCli.HasDestination(s, $"127.0.0.1:{_upstream.Port}"), observer);
            sessionId = session.GetProperty("session_id").GetString()!;
            Assert.Equal(0, session.GetProperty("ai_calls").GetInt64());
            Assert.Contains("agent-replay", session.GetProperty("agents").EnumerateArray().Select(a => a.GetString()));
        }

        var unchanged = await SessionsCli.RunAsync(dataDir, "replay", sessionId);
        Assert.Contains("0 with differences", unchanged, StringComparison.Ordinal);

        var config = Path.Combine(_folder, "observer.yaml");
        await File.WriteAllTextAsync(config, $"local_hosts:\n  - 127.0.0.1:{_upstream.Port}\n");
        var changed = await SessionsCli.RunAsync(dataDir, "replay", sessionId, "--config", config, "--json");
        var step = Assert.Single(JsonDocument.Parse(changed).RootElement.GetProperty("steps").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, step.GetProperty("then").ValueKind);
        Assert.Equal("llama3", step.GetProperty("now").GetProperty("model").GetString());
        Assert.Contains("detected now as", Assert.Single(step.GetProperty("diff").EnumerateArray()).GetString(), StringComparison.Ordinal);

        var resent = await SessionsCli.RunAsync(dataDir, "replay", sessionId, "--resend", "--target", $"http://127.0.0.1:{_upstream.Port}");
        Assert.Contains("-> 200", resent, StringComparison.Ordinal);
        var requests = _upstream.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        var (original, again) = (requests[0], requests[1]);
        Assert.Equal(original.Method, again.Method);
        Assert.Equal(original.PathAndQuery, again.PathAndQuery);
        Assert.Equal(body, original.Body);
        Assert.Equal(original.Body, again.Body);
        Assert.Contains("x-request-tag: tag-1", Comparable(original.Headers));
        Assert.Contains("content-type: application/json; charset=utf-8", Comparable(original.Headers));
        Assert.Equal(Comparable(original.Headers), Comparable(again.Headers));
        Assert.DoesNotContain(again.Headers, h => h.Value.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SessionRecordedWithoutBodies_ResendRefuses()
    {
        var dataDir = Path.Combine(_folder, "metadata-only");
        string sessionId;
        await using (var observer = ObserverProcess.Start(dataDir, ["--backend-url", "http://127.0.0.1:9/api/v1/signals", "--record-bodies=false"]))
        {
            await observer.WaitUntilReadyAsync(Deadline);
            using var client = ObserverClient.Create(observer.ProxyPort, dataDir);
            using var response = await client.PostAsync($"http://127.0.0.1:{_upstream.Port}/v1/chat/completions", new StringContent("{\"model\":\"m\"}"));
            Assert.Equal(200, (int)response.StatusCode);
            var session = await SessionsCli.WaitForSessionAsync(dataDir, s => SessionsCli.HasDestination(s, $"127.0.0.1:{_upstream.Port}"), observer);
            Assert.False(session.GetProperty("bodies_recorded").GetBoolean());
            Assert.True(session.GetProperty("last_sequence_nr").GetInt64() > 1);
            sessionId = session.GetProperty("session_id").GetString()!;
        }

        var (exit, _, stderr) = await ObserverProcess.RunToEndAsync(["sessions", "replay", sessionId, "--resend", "--data-dir", dataDir]);
        Assert.Equal(1, exit);
        Assert.Contains("without bodies", stderr, StringComparison.Ordinal);
        Assert.Single(_upstream.Requests);
    }

    // Headers the upstream saw, minus what a re-send deliberately leaves out or the transport sets itself.
    private static List<string> Comparable(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        headers.Where(h => !NotResent.Contains(h.Key, StringComparer.OrdinalIgnoreCase) && !h.Key.StartsWith("X-Axom-", StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Key.ToLowerInvariant() + ": " + h.Value)
            .Order(StringComparer.Ordinal)
            .ToList();
}
