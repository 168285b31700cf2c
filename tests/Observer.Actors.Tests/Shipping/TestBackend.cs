using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Observer.Actors.Tests.Shipping;

/// <summary>
/// A real Kestrel signal backend on 127.0.0.1 that can be stopped (connection refused) and started again on the
/// same port, answer a chosen status (with Retry-After), or be slow. It records every id and batch it accepted.
/// </summary>
public sealed class TestBackend : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _deliveries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedBatch> _batches = new();
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private int _inProgress;
    private WebApplication? _app;

    /// <summary>Status answered to the next requests (200 = accept); a non-2xx request records nothing.</summary>
    public Func<int> Status { get; set; } = () => 200;

    public TimeSpan? RetryAfter { get; set; }

    public TimeSpan Delay { get; set; }

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}/api/v1/signals";

    public IReadOnlyDictionary<string, int> Deliveries => _deliveries;

    public IReadOnlyCollection<ReceivedBatch> Batches => _batches;

    public int Requests => _requests;

    /// <summary>Every id that arrived in any request body, whatever the answer (recorded before any delay).</summary>
    public ICollection<string> Seen => _seen.Keys;

    /// <summary>Requests received and not yet answered.</summary>
    public int InProgress => Volatile.Read(ref _inProgress);

    private int _requests;

    public static async Task<TestBackend> StartAsync()
    {
        var backend = new TestBackend();
        await backend.StartOnAsync(0);
        return backend;
    }

    /// <summary>Listens again on the port it had.</summary>
    public Task RestartAsync() => StartOnAsync(Port);

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartOnAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/api/v1/signals", HandleAsync);
        await app.StartAsync();
        _app = app;
        Port = new Uri(app.Urls.First()).Port;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _inProgress);
        try
        {
            await AnswerAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inProgress);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var ids = body.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        foreach (var id in ids)
        {
            _seen.TryAdd(id, 0);
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        var status = Status();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _batches.Enqueue(new ReceivedBatch(DateTimeOffset.UtcNow, status, headers, ids, body.RootElement.GetRawText()));
        if (status is >= 200 and < 300)
        {
            foreach (var id in ids)
            {
                _deliveries.AddOrUpdate(id, 1, (_, n) => n + 1);
            }

            context.Response.StatusCode = status;
            return;
        }

        if (RetryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = status;
    }

    /// <summary>One POST as the backend saw it.</summary>
    public sealed record ReceivedBatch(DateTimeOffset At, int Status, IReadOnlyDictionary<string, string> Headers, IReadOnlyList<string> Ids, string Body);
}
