using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Observer.Bench.Shipping;

/// <summary>A fast Kestrel backend on loopback: answers 200 at once and records each id's first arrival time.</summary>
internal sealed class FastBackend : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _arrivals = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public int Delivered => _arrivals.Count;

    public long ArrivalTicks(string id) => _arrivals.TryGetValue(id, out var at) ? at : -1;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/api/v1/signals", ReceiveAsync);
        await _app.StartAsync();
        Url = _app.Urls.First() + "/api/v1/signals";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var now = Stopwatch.GetTimestamp();
        var reader = new Utf8JsonReader(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        var depth = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    depth++;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    depth--;
                    break;
                case JsonTokenType.PropertyName when depth == 2 && reader.ValueTextEquals("id"u8):
                    reader.Read();
                    _arrivals.TryAdd(reader.GetString()!, now);
                    break;
            }
        }

        context.Response.StatusCode = 200;
    }
}
