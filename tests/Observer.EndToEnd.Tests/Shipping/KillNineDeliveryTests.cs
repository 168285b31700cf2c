using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Observer.EndToEnd.Tests.Infrastructure;

namespace Observer.EndToEnd.Tests.Shipping;

/// <summary>
/// At-least-once delivery through the real axom-observer: calls proxied to a provider, signals accepted into the
/// SQLite journal, the process killed with SIGKILL in the middle of a slow delivery, then restarted.
/// </summary>
public sealed partial class KillNineDeliveryTests : IAsyncLifetime
{
    private const int Calls = 240;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private ProviderStack _stack = null!;

    public async Task InitializeAsync() => _stack = await ProviderStack.StartAsync("axom-e2e-kill9-");

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task KilledMidDelivery_RestartDeliversEveryCallAndDuplicatesOnlyWhatWasSent()
    {
        var dataDir = Path.Combine(_stack.Folder, "observer");
        var arguments = _stack.ObserverArguments("--batch-size", "10", "--batch-delay", "20ms", "--task-idle-gap", "10m", "--log-level", "warn");
        _stack.Backend.Delay = TimeSpan.FromMilliseconds(500);

        var first = ObserverProcess.Start(dataDir, arguments);
        Dictionary<string, int> beforeKill;
        try
        {
            await first.WaitUntilReadyAsync(Deadline);
            await SendCallsAsync(first);
            await WaitAsync(async () => await PersistedAsync(first) >= Calls, "all calls accepted into the journal", first);
            await WaitAsync(() => Task.FromResult(_stack.Backend.Receipts.Count > 0), "a first batch at the backend", first);

            first.Signal(UnixSignals.SigKill);
            await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
            beforeKill = _stack.Backend.Receipts.ToDictionary(r => r.Key, r => r.Value);
        }
        finally
        {
            await first.DisposeAsync();
        }

        Assert.True(beforeKill.Count < Calls, $"the kill must come mid-delivery, but {beforeKill.Count} of {Calls} were already delivered");

        _stack.Backend.Delay = TimeSpan.Zero;
        await using var second = ObserverProcess.Start(dataDir, arguments);
        await second.WaitUntilReadyAsync(Deadline);
        await WaitAsync(() => Task.FromResult(CallSequences().Count == Calls), $"all {Calls} calls at the backend", second);

        Assert.Equal(Enumerable.Range(0, Calls).ToHashSet(), CallSequences());
        var duplicates = _stack.Backend.Receipts.Where(r => r.Value > 1).Select(r => r.Key).ToList();
        Assert.All(duplicates, id => Assert.True(beforeKill.ContainsKey(id), $"{id} was delivered twice but never before the kill"));
    }

    private async Task SendCallsAsync(ObserverProcess observer)
    {
        using var client = ObserverClient.Create(observer.ProxyPort, observer.DataDir);
        var next = -1;
        var workers = Enumerable.Range(0, 4).Select(async _ =>
        {
            int sequence;
            while ((sequence = Interlocked.Increment(ref next)) < Calls)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.openai.com/v1/chat/completions")
                {
                    Content = new StringContent(
                        $$"""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"message {{sequence}}"}]}""", Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("Authorization", "Bearer sk-test-not-a-real-key");
                request.Headers.Add("X-Axom-Property-Seq", sequence.ToString(CultureInfo.InvariantCulture));
                using var response = await client.SendAsync(request);
                Assert.True(response.IsSuccessStatusCode, $"call {sequence}: {(int)response.StatusCode}");
            }
        });
        await Task.WhenAll(workers);
    }

    private HashSet<int> CallSequences() =>
        _stack.Backend.Signals
            .Where(s => s.GetProperty("kind").GetString() == "ai_call")
            .Select(s => s.GetProperty("properties").EnumerateObject().First(p => p.NameEquals("seq")).Value.GetString())
            .Select(v => int.Parse(v!, CultureInfo.InvariantCulture))
            .ToHashSet();

    private static async Task<double> PersistedAsync(ObserverProcess observer)
    {
        using var client = new HttpClient();
        var metrics = await client.GetStringAsync(new Uri(observer.AdminUri, "/metrics"));
        var match = PersistedLine().Match(metrics);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what, ObserverProcess observer)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}:\n{observer.Output}");
            }

            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"^axom_signals_persisted_total (\S+)$", RegexOptions.Multiline)]
    private static partial Regex PersistedLine();
}
