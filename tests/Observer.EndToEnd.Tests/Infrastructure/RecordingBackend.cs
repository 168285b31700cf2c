using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Observer.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A signal backend on loopback that counts every signal id it receives (duplicates included) and can be made slow.
/// A batch is recorded before the delay, so a batch in flight when the observer dies counts as received.
/// </summary>
public sealed class RecordingBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _receipts = new();
    private readonly ConcurrentDictionary<string, JsonElement> _signals = new();

    private RecordingBackend(WebApplication app) => _app = app;

    /// <summary>How long each batch is held before the 200 answer.</summary>
    public TimeSpan Delay { get; set; }

    public string SignalsUrl => _app.Urls.First() + "/api/v1/signals";

    public IReadOnlyDictionary<string, int> Receipts => _receipts;

    public IReadOnlyCollection<JsonElement> Signals => _signals.Values.ToList();

    public static async Task<RecordingBackend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var backend = new RecordingBackend(builder.Build());
        backend._app.MapPost("/api/v1/signals", backend.ReceiveAsync);
        await backend._app.StartAsync();
        return backend;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var batch = await JsonDocument.ParseAsync(request.Body);
        foreach (var signal in batch.RootElement.EnumerateArray())
        {
            var id = signal.GetProperty("id").GetString()!;
            _receipts.AddOrUpdate(id, 1, (_, count) => count + 1);
            _signals[id] = signal.Clone();
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        return Results.Ok();
    }
}
