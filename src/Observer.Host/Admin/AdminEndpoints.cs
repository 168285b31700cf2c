using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Observer.Contracts.Metrics;
using Observer.Proxy.Tls;

namespace Observer.Host.Admin;

/// <summary>The admin endpoint: <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c> (Prometheus text), <c>/ca.pem</c>.</summary>
public static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", (IEnumerable<IReadinessCheck> checks) => Readiness(checks));
        app.MapGet("/metrics", async (HttpContext context, ObserverMetrics metrics) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.WriteTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        app.MapGet("/ca.pem", (CertificateAuthority ca) => Results.Text(ca.ExportCertificatePem(), "application/x-pem-file"));
    }

    private static IResult Readiness(IEnumerable<IReadinessCheck> checks)
    {
        var failures = new Dictionary<string, string>();
        var warnings = new Dictionary<string, string>();
        foreach (var check in checks)
        {
            if (check.Check() is { } reason)
            {
                failures[check.Name] = reason;
            }

            if (check.Warning() is { } warning)
            {
                warnings[check.Name] = warning;
            }
        }

        var body = JsonSerializer.Serialize(new ReadinessBody(failures.Count == 0 ? "ready" : "not_ready", failures, warnings), ReadinessBody.JsonOptions);
        return Results.Text(body, "application/json", statusCode: failures.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private sealed record ReadinessBody(string Status, Dictionary<string, string> Reasons, Dictionary<string, string> Warnings)
    {
        public static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    }
}
