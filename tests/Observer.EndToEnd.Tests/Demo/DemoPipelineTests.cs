using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Observer.Backend.Hosting;
using Observer.DemoAI.Agent;
using Observer.DemoAI.Hosting;
using Observer.DemoAI.Tls;
using Observer.EndToEnd.Tests.Infrastructure;

namespace Observer.EndToEnd.Tests.Demo;

/// <summary>
/// The whole demo path on loopback: demo agent → real axom-observer process (MITM, <c>--resolve</c> of the real
/// provider hostnames to the demo provider, <c>--upstream-ca</c> its CA) → demo provider; signals → backend.
/// </summary>
public sealed class DemoPipelineTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly string _folder = Directory.CreateTempSubdirectory("axom-e2e-demo-").FullName;
    private WebApplication _backend = null!;
    private WebApplication _demo = null!;
    private HttpClient _query = null!;

    public async Task InitializeAsync()
    {
        _backend = await BackendApp.StartAsync(new BackendOptions { Port = 0, DataDir = Path.Combine(_folder, "backend") });
        _demo = DemoAiApp.Build(new DemoAiOptions
        {
            HttpPort = 0, HttpsPort = 0, CaOut = Path.Combine(_folder, "demo-ca.pem"), LatencyMs = 20, ChunkDelayMs = 5,
        });
        await _demo.StartAsync();
        _query = new HttpClient { BaseAddress = new Uri(_backend.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _query.Dispose();
        await _demo.StopAsync();
        await _demo.DisposeAsync();
        await _backend.StopAsync();
        await _backend.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task DemoAgentThroughObserver_SignalsReachTheBackend()
    {
        var demoHttpsPort = DemoAiApp.BoundPort(_demo, "https");
        var arguments = new List<string>
        {
            "--backend-url", _query.BaseAddress + "api/v1/signals", "--upstream-ca", Path.Combine(_folder, "demo-ca.pem"),
            "--task-idle-gap", "2s", "--batch-delay", "50ms",
        };
        foreach (var host in DemoCertificates.Hostnames.Where(h => h != "localhost"))
        {
            arguments.AddRange(["--resolve", $"{host}:443=127.0.0.1:{demoHttpsPort}"]);
        }

        await using var observer = ObserverProcess.Start(Path.Combine(_folder, "observer"), arguments);
        await observer.WaitUntilReadyAsync(Deadline);
        var observerCa = Path.Combine(_folder, "observer-ca.pem");
        using (var admin = new HttpClient())
        {
            await File.WriteAllTextAsync(observerCa, await admin.GetStringAsync(new Uri(observer.AdminUri, "/ca.pem")));
        }

        var output = new StringWriter();
        var report = await DemoAgent.RunAsync(new DemoAgentOptions
        {
            Proxy = new Uri($"http://127.0.0.1:{observer.ProxyPort}"), CaFile = observerCa, TaskPause = TimeSpan.FromMilliseconds(200),
        }, output, CancellationToken.None);

        Assert.True(report.AllAsExpected, output + "\n" + observer.Output);
        var calls = await WaitForCallsAsync(report.Calls.Count, observer);
        var providers = calls.Select(c => c.GetProperty("provider").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "openai", "anthropic", "deepgram", "elevenlabs" }, providers);
        Assert.Contains(calls, c => c.GetProperty("status").GetInt32() == 429);
        Assert.All(calls.Where(c => c.GetProperty("stream").GetBoolean()), c => Assert.NotEqual(JsonValueKind.Null, c.GetProperty("ttft_ms").ValueKind));

        // Only the summarisation sent X-Axom-Task-Id: its two calls form one task of their own, closed as "explicit".
        var summary = calls.Where(c => Scenario(c) == "summarization").ToList();
        Assert.Equal(2, summary.Count);
        var taskId = summary[0].GetProperty("task_id").GetString();
        Assert.NotNull(taskId);
        Assert.Equal(taskId, summary[1].GetProperty("task_id").GetString());
        Assert.DoesNotContain(calls.Where(c => Scenario(c) != "summarization"), c => c.GetProperty("task_id").GetString() == taskId);
        var task = await WaitForTaskAsync(taskId, observer);
        Assert.Equal("explicit", task.GetProperty("correlation").GetString());
        Assert.Equal(2, task.GetProperty("call_count").GetInt32());
        Assert.All(calls, c => Assert.DoesNotContain("not-a-real-key", c.GetRawText(), StringComparison.Ordinal));
    }

    private static string? Scenario(JsonElement call) =>
        call.GetProperty("properties").EnumerateObject()
            .FirstOrDefault(p => p.Name.Equals("scenario", StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } value
            ? value.GetString()
            : null;

    private async Task<JsonElement> WaitForTaskAsync(string taskId, ObserverProcess observer)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline)
        {
            var detail = JsonDocument.Parse(await _query.GetStringAsync($"/api/v1/tasks/{taskId}")).RootElement;
            if (detail.GetProperty("task").ValueKind == JsonValueKind.Object)
            {
                return detail.GetProperty("task");
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"task {taskId} did not close within {Deadline}:\n{observer.Output}");
    }

    private async Task<List<JsonElement>> WaitForCallsAsync(int expected, ObserverProcess observer)
    {
        var deadline = DateTime.UtcNow + Deadline;
        var calls = new List<JsonElement>();
        while (DateTime.UtcNow < deadline)
        {
            var page = JsonDocument.Parse(await _query.GetStringAsync("/api/v1/calls?limit=1000")).RootElement;
            calls = page.GetProperty("items").EnumerateArray().ToList();
            if (calls.Count >= expected)
            {
                return calls;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"backend holds {calls.Count} of {expected} calls after {Deadline}:\n{observer.Output}");
    }
}
