using System.Globalization;

namespace Observer.DemoAI.Simulation;

/// <summary>
/// How slowly a response is served: the configured defaults, overridable per request with
/// <c>X-Demo-Latency-Ms</c> / <c>X-Demo-Chunk-Delay-Ms</c>; <c>X-Demo-Status</c> forces an error status.
/// </summary>
public sealed record Pacing(int LatencyMs, int ChunkDelayMs, int? ForcedStatus)
{
    public const string LatencyHeader = "X-Demo-Latency-Ms";
    public const string ChunkDelayHeader = "X-Demo-Chunk-Delay-Ms";
    public const string StatusHeader = "X-Demo-Status";

    public static Pacing From(HttpRequest request, Hosting.DemoAiOptions options) => new(
        Header(request, LatencyHeader, 0, 60_000) ?? options.LatencyMs,
        Header(request, ChunkDelayHeader, 0, 10_000) ?? options.ChunkDelayMs,
        Header(request, StatusHeader, 100, 599));

    public Task BeforeHeadersAsync(CancellationToken cancellationToken) => Delay(LatencyMs, cancellationToken);

    public Task BetweenChunksAsync(CancellationToken cancellationToken) => Delay(ChunkDelayMs, cancellationToken);

    private static Task Delay(int ms, CancellationToken cancellationToken) =>
        ms == 0 ? Task.CompletedTask : Task.Delay(ms, cancellationToken);

    private static int? Header(HttpRequest request, string name, int min, int max) =>
        int.TryParse(request.Headers[name].FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? Math.Clamp(value, min, max)
            : null;
}
