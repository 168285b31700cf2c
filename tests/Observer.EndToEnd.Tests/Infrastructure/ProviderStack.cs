using Microsoft.AspNetCore.Builder;
using Observer.DemoAI.Hosting;

namespace Observer.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What an observer under test talks to: the demo provider answering for api.openai.com over HTTPS (its CA written
/// to a temp folder) and a <see cref="RecordingBackend"/> receiving signals. Disposing removes the folder.
/// </summary>
public sealed class ProviderStack : IAsyncDisposable
{
    private readonly WebApplication _provider;

    private ProviderStack(string folder, RecordingBackend backend, WebApplication provider)
    {
        Folder = folder;
        Backend = backend;
        _provider = provider;
    }

    public string Folder { get; }

    public RecordingBackend Backend { get; }

    public static async Task<ProviderStack> StartAsync(string name)
    {
        var folder = Directory.CreateTempSubdirectory(name).FullName;
        var backend = await RecordingBackend.StartAsync();
        var provider = DemoAiApp.Build(new DemoAiOptions { HttpPort = 0, HttpsPort = 0, CaOut = Path.Combine(folder, "demo-ca.pem"), LatencyMs = 0, ChunkDelayMs = 0 });
        await provider.StartAsync();
        return new ProviderStack(folder, backend, provider);
    }

    /// <summary>Observer arguments that route api.openai.com to the demo provider and signals to the backend.</summary>
    public string[] ObserverArguments(params string[] extra) =>
    [
        "--backend-url", Backend.SignalsUrl, "--upstream-ca", Path.Combine(Folder, "demo-ca.pem"),
        "--resolve", $"api.openai.com:443=127.0.0.1:{DemoAiApp.BoundPort(_provider, "https")}",
        .. extra,
    ];

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Backend.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
