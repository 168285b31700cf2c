using System.Text.Json;
using Observer.Backend.Hosting;
using Observer.Backend.Live;
using Observer.Backend.Storage;
using Observer.Contracts.Signals;

namespace Observer.Backend.Ingest;

/// <summary><c>POST /api/v1/signals</c>: the receiving side of SIGNALS.md — auth, signature, schema, dedup, store, publish.</summary>
public static class IngestEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, RequestAuthenticator auth, ISignalStore store, LiveFeed feed, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(IngestEndpoint));
        var request = context.Request;
        var batchId = request.Headers["X-Axom-Batch-Id"].FirstOrDefault();
        if (auth.CheckToken(request.Headers.Authorization.FirstOrDefault()) is { } tokenProblem)
        {
            BackendLog.Unauthorized(logger, batchId, tokenProblem);
            return Unauthorized(tokenProblem);
        }

        var body = await ReadBodyAsync(request, context.RequestAborted);
        if (auth.CheckSignature(request.Headers[RequestAuthenticator.SignatureHeader].FirstOrDefault(), body) is { } signatureProblem)
        {
            BackendLog.Unauthorized(logger, batchId, signatureProblem);
            return Unauthorized(signatureProblem);
        }

        List<IncomingSignal> batch;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (SignalValidator.ValidateBatch(document.RootElement) is { } invalid)
            {
                BackendLog.Invalid(logger, batchId, invalid.Index, invalid.Field, invalid.Message);
                return Results.BadRequest(new IngestError(
                    "invalid_signal", $"{invalid.Field}: {invalid.Message}", invalid.Field, invalid.Index));
            }

            if (Parse(document.RootElement, out batch) is { } unparsable)
            {
                BackendLog.Invalid(logger, batchId, unparsable.Index, unparsable.Field, unparsable.Message);
                return Results.BadRequest(new IngestError(
                    "invalid_signal", $"{unparsable.Field}: {unparsable.Message}", unparsable.Field, unparsable.Index));
            }
        }
        catch (JsonException e)
        {
            BackendLog.Invalid(logger, batchId, null, "$", e.Message);
            return Results.BadRequest(new IngestError("invalid_json", e.Message, "$"));
        }

        var result = await store.StoreAsync(batch, context.RequestAborted);
        foreach (var stored in result.Stored)
        {
            feed.Publish(new LiveEvent(stored.Signal.Kind, stored.Json));
        }

        BackendLog.Stored(logger, batchId, result.Received, result.Stored.Count);
        return Results.Ok(new IngestResponse(result.Received, result.Stored.Count, result.Duplicates));
    }

    /// <summary>
    /// Typed parsing after validation; it can still refuse a value the schema admits (a port beyond 32 bits),
    /// and then names the field from the serializer's JSON path.
    /// </summary>
    private static ValidationError? Parse(JsonElement root, out List<IncomingSignal> batch)
    {
        batch = new List<IncomingSignal>(root.GetArrayLength());
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            try
            {
                var signal = element.Deserialize<Signal>(SignalJson.Options) ?? throw new JsonException("signal is null");
                batch.Add(new IncomingSignal(signal, element.GetRawText()));
            }
            catch (JsonException e)
            {
                var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";
                return new ValidationError(index, field, "value out of range or not usable");
            }

            index++;
        }

        return null;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static IResult Unauthorized(string reason) => Results.Json(
        new IngestError("unauthorized", reason), statusCode: StatusCodes.Status401Unauthorized);
}
