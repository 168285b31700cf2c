using System.Text;
using System.Text.Json.Nodes;

namespace Observer.DemoAI.Simulation;

/// <summary>Writes Server-Sent Events and flushes each one, so the client (and an observer in between) sees real pacing.</summary>
public sealed class SseWriter(HttpResponse response, string lineEnd = "\n")
{
    public static void Start(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
    }

    public Task WriteAsync(JsonNode data, CancellationToken cancellationToken, string? eventName = null) =>
        WriteRawAsync(data.ToJsonString(), cancellationToken, eventName);

    public async Task WriteRawAsync(string data, CancellationToken cancellationToken, string? eventName = null)
    {
        var text = new StringBuilder();
        if (eventName is not null)
        {
            text.Append("event: ").Append(eventName).Append(lineEnd);
        }

        text.Append("data: ").Append(data).Append(lineEnd).Append(lineEnd);
        await response.WriteAsync(text.ToString(), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
