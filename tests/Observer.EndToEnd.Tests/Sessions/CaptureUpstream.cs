using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Observer.EndToEnd.Tests.Sessions;

/// <summary>A plain-HTTP loopback upstream that keeps every request it receives and answers like an OpenAI chat completion.</summary>
public sealed class CaptureUpstream : IAsyncDisposable
{
    public const string Reply = """{"id":"chatcmpl-1","object":"chat.completion","model":"llama3","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}""";

    private readonly WebApplication _app;

    private CaptureUpstream(WebApplication app) => _app = app;

    public sealed record Captured(string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);

    public ConcurrentQueue<Captured> Requests { get; } = new();

    public int Port => new Uri(_app.Urls.First()).Port;

    public static async Task<CaptureUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var upstream = new CaptureUpstream(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? ""))).ToList();
            upstream.Requests.Enqueue(new Captured(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body.ToArray()));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Reply);
        });
        await app.StartAsync();
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
