using System.Text;
using System.Text.Json;
using Observer.Backend.Ingest;
using Observer.Backend.Storage;

namespace Observer.Backend.Query;

/// <summary>The read side: calls, tasks, one task with its calls, statistics, time series and health.</summary>
public static class QueryEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/calls", async (HttpRequest request, ISignalStore store, CancellationToken ct) =>
        {
            var q = request.Query;
            var filter = new CallFilter(
                QueryParameters.Text(q, "provider"), QueryParameters.Text(q, "model"), QueryParameters.Text(q, "agent"),
                QueryParameters.Text(q, "task"), QueryParameters.Status(q), QueryParameters.Range(q),
                Limit(q), Offset(q));
            return PageResult(await store.QueryCallsAsync(filter, ct));
        });

        app.MapGet("/api/v1/tasks", async (HttpRequest request, ISignalStore store, CancellationToken ct) =>
        {
            var q = request.Query;
            var filter = new TaskFilter(
                QueryParameters.Text(q, "agent"), QueryParameters.Text(q, "task_type"), QueryParameters.Text(q, "outcome"),
                QueryParameters.Range(q), Limit(q), Offset(q));
            return PageResult(await store.QueryTasksAsync(filter, ct));
        });

        app.MapGet("/api/v1/tasks/{id}", async (string id, ISignalStore store, CancellationToken ct) =>
            await store.GetTaskAsync(id, ct) is { } detail
                ? Raw(writer =>
                {
                    writer.WriteString("id", detail.Id);
                    writer.WritePropertyName("task");
                    if (detail.TaskJson is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        writer.WriteRawValue(detail.TaskJson, skipInputValidation: true);
                    }

                    WriteArray(writer, "calls", detail.CallsJson);
                })
                : Results.NotFound(new IngestError("not_found", $"no task or call carries task id '{id}'", "id")));

        app.MapGet("/api/v1/stats", async (HttpRequest request, ISignalStore store, CancellationToken ct) =>
        {
            var range = QueryParameters.Range(request.Query);
            return Results.Ok(StatsCalculator.Compute(await store.GetCallMetricsAsync(range, ct), range));
        });

        app.MapGet("/api/v1/series", async (HttpRequest request, ISignalStore store, CancellationToken ct) =>
        {
            var range = QueryParameters.Range(request.Query);
            var buckets = QueryParameters.Int(request.Query, "buckets", 30, 1, StatsCalculator.MaxBuckets);
            return Results.Ok(StatsCalculator.Series(await store.GetCallMetricsAsync(range, ct), range, buckets));
        });

        app.MapGet("/health", async (ISignalStore store, CancellationToken ct) =>
        {
            var counts = await store.CountAsync(ct);
            return Results.Ok(new { status = "ok", calls = counts.Calls, tasks = counts.Tasks });
        });
    }

    private static int Limit(IQueryCollection q) =>
        QueryParameters.Int(q, "limit", QueryParameters.DefaultLimit, 1, QueryParameters.MaxLimit);

    private static int Offset(IQueryCollection q) => QueryParameters.Int(q, "offset", 0, 0, int.MaxValue);

    private static IResult PageResult(Page page) => Raw(writer =>
    {
        WriteArray(writer, "items", page.Items);
        writer.WriteNumber("total", page.Total);
        writer.WriteNumber("limit", page.Limit);
        writer.WriteNumber("offset", page.Offset);
    });

    private static void WriteArray(Utf8JsonWriter writer, string name, IReadOnlyList<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var json in items)
        {
            // Stored JSON was validated on the way in; re-validating every row on every read buys nothing.
            writer.WriteRawValue(json, skipInputValidation: true);
        }

        writer.WriteEndArray();
    }

    private static IResult Raw(Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return Results.Text(Encoding.UTF8.GetString(buffer.ToArray()), "application/json", Encoding.UTF8);
    }
}
