using System.Text;

namespace Observer.Backend.Live;

/// <summary><c>GET /api/v1/live</c>: newly stored signals as Server-Sent Events (<c>event: ai_call</c> / <c>event: task</c>).</summary>
public static class LiveEndpoint
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task HandleAsync(HttpContext context, LiveFeed feed, IHostApplicationLifetime lifetime)
    {
        // Ends with the browser or with the application, so an open dashboard never holds up shutdown.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var aborted = linked.Token;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var reader = feed.Subscribe(aborted);
        await WriteAsync(context, "retry: 3000\n: connected\n\n", aborted);
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                wait.CancelAfter(Heartbeat);
                bool available;
                try
                {
                    available = await reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    await WriteAsync(context, ": ping\n\n", aborted);
                    continue;
                }

                if (!available)
                {
                    return;
                }

                var text = new StringBuilder();
                while (reader.TryRead(out var item))
                {
                    text.Append("event: ").Append(item.Kind).Append("\ndata: ").Append(item.Json.ReplaceLineEndings(" ")).Append("\n\n");
                }

                await WriteAsync(context, text.ToString(), aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The browser went away: nothing to clean beyond the subscription, which the token removes.
        }
    }

    private static async Task WriteAsync(HttpContext context, string text, CancellationToken cancellationToken)
    {
        await context.Response.WriteAsync(text, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }
}
