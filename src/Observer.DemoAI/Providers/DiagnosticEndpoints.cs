using Observer.DemoAI.Hosting;
using Observer.DemoAI.Simulation;

namespace Observer.DemoAI.Providers;

/// <summary>
/// <c>/error</c> (500), <c>/slow?ms=N</c> (answers after N ms, at most 60 s) and <c>/status/{code}</c>, with error bodies
/// in the shape of the provider named by the Host header (OpenAI's for localhost); plus <c>/health</c>.
/// </summary>
public static class DiagnosticEndpoints
{
    public const int MaxSlowMs = 60_000;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.Map("/error", (HttpContext context) => ProviderErrors.Result(Provider(context), 500));
        app.Map("/status/{code:int}", (HttpContext context, int code) => code is < 200 or > 599
            ? Results.BadRequest("status must be 200..599")
            : code >= 400 ? ProviderErrors.Result(Provider(context), code) : Results.Json(new { status = code }, statusCode: code));
        app.Map("/slow", async (HttpContext context, int? ms) =>
        {
            var wait = Math.Clamp(ms ?? 2000, 0, MaxSlowMs);
            await Task.Delay(wait, context.RequestAborted);
            return Results.Json(new { slept_ms = wait });
        });
        app.MapGet("/health", (DemoAiOptions options) => Results.Json(new { status = "ok", latency_ms = options.LatencyMs }));
    }

    private static DemoProvider Provider(HttpContext context) => ProviderHosts.FromHost(context.Request.Host) ?? DemoProvider.OpenAi;
}
