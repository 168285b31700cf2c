using Microsoft.AspNetCore.Builder;
using Observer.Backend.Hosting;

namespace Observer.Backend.Tests.Support;

/// <summary>A real backend on 127.0.0.1:0 with its SQLite file in a fresh temp folder, and a client pointed at it.</summary>
public sealed class RunningBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningBackend(WebApplication app, string dataDir)
    {
        _app = app;
        DataDir = dataDir;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public string DataDir { get; }

    public HttpClient Client { get; }

    public static async Task<RunningBackend> StartAsync(Action<BackendOptions>? configure = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "axom-backend-tests", Guid.NewGuid().ToString("N"));
        var options = new BackendOptions { Port = 0, DataDir = dataDir };
        configure?.Invoke(options);
        var app = await BackendApp.StartAsync(options);
        return new RunningBackend(app, dataDir);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may outlive the app for a moment; the temp folder is disposable anyway.
        }
    }
}
