using System.Text.Json;
using Observer.EndToEnd.Tests.Infrastructure;

namespace Observer.EndToEnd.Tests.Demo;

/// <summary><c>axom-observer demo</c>: the one command that starts the whole stack on loopback and stops it on Ctrl-C.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("axom-demo-cmd-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public async Task Demo_FillsTheBackendAndStopsCleanlyOnCtrlC()
    {
        var backendPort = FreePort.Next();
        string[] arguments =
        [
            "demo", "--data-dir", _dataDir, "--backend-port", backendPort.ToString(),
            "--demo-port", FreePort.Next().ToString(), "--demo-https-port", FreePort.Next().ToString(),
            "--proxy-port", FreePort.Next().ToString(), "--https-proxy-port", FreePort.Next().ToString(),
            "--admin-port", FreePort.Next().ToString(), "--rounds", "1", "--task-idle-gap", "1s", "--task-pause", "1.5",
        ];
        await using var demo = ObserverProcess.StartCommand(arguments, _dataDir);

        await demo.WaitForOutputAsync($"dashboard at http://127.0.0.1:{backendPort}/", TimeSpan.FromSeconds(120));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var page = await client.GetStringAsync($"http://127.0.0.1:{backendPort}/");
        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);

        var calls = 0;
        var tasks = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while ((calls < 10 || tasks == 0) && DateTime.UtcNow < deadline)
        {
            calls = await CountAsync(client, $"http://127.0.0.1:{backendPort}/api/v1/calls?limit=100");
            tasks = await CountAsync(client, $"http://127.0.0.1:{backendPort}/api/v1/tasks?limit=100");
            await Task.Delay(500);
        }

        Assert.True(calls >= 10, $"backend holds {calls} calls:\n{demo.Output}");
        Assert.True(tasks >= 1, $"backend holds no task:\n{demo.Output}");

        demo.Signal(UnixSignals.SigInt);
        var exitCode = await demo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        Assert.Contains("axom demo: stopped", demo.Output, StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(HttpClient client, string url)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(url));
        return json.RootElement.GetProperty("items").GetArrayLength();
    }
}
