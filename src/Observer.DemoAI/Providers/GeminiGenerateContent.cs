using System.Text.Json.Nodes;
using Observer.DemoAI.Hosting;
using Observer.DemoAI.Simulation;

namespace Observer.DemoAI.Providers;

/// <summary>
/// <c>POST /v1beta/models/{model}:generateContent</c> and <c>:streamGenerateContent</c> in Gemini's shape
/// (<c>candidates</c>, <c>usageMetadata</c>); streaming is SSE with <c>alt=sse</c>, otherwise a JSON array of chunks.
/// </summary>
public static class GeminiGenerateContent
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1beta/models/{modelAndMethod}", HandleAsync).ForProvider(DemoProvider.Gemini);
        app.MapPost("/v1/models/{modelAndMethod}", HandleAsync).ForProvider(DemoProvider.Gemini);
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string modelAndMethod, DemoAiOptions options)
    {
        var separator = modelAndMethod.LastIndexOf(':');
        var model = separator > 0 ? modelAndMethod[..separator] : modelAndMethod;
        var method = separator > 0 ? modelAndMethod[(separator + 1)..] : "";
        if (method is not ("generateContent" or "streamGenerateContent"))
        {
            return ProviderErrors.Result(DemoProvider.Gemini, 404, $"method '{method}' is not supported by the demo");
        }

        var body = await RequestJson.ReadAsync(context.Request);
        if (body?["contents"] is not JsonArray { Count: > 0 } contents)
        {
            return ProviderErrors.Result(DemoProvider.Gemini, 400, "'contents' must be a non-empty array");
        }

        var system = Parts(body["systemInstruction"] ?? body["system_instruction"]);
        var lastUser = Parts(contents[^1]);
        var reply = DemoText.Reply(system, lastUser);
        var promptTokens = DemoText.EstimateTokens(system) + contents.Sum(c => 2 + DemoText.EstimateTokens(Parts(c)));
        var pacing = Pacing.From(context.Request, options);
        await pacing.BeforeHeadersAsync(context.RequestAborted);
        var responseId = DemoText.Id("");

        if (method == "generateContent")
        {
            return Results.Text(Chunk(reply, "STOP", promptTokens, DemoText.EstimateTokens(reply), model, responseId).ToJsonString(), "application/json");
        }

        var pieces = DemoText.Chunks(reply).Chunk(4).Select(p => string.Concat(p)).ToList();
        var chunks = new List<JsonObject>();
        var written = "";
        for (var i = 0; i < pieces.Count; i++)
        {
            written += pieces[i];
            chunks.Add(Chunk(pieces[i], i == pieces.Count - 1 ? "STOP" : null, promptTokens, DemoText.EstimateTokens(written), model, responseId));
        }

        if (context.Request.Query["alt"] != "sse")
        {
            return Results.Text(new JsonArray(chunks.ToArray<JsonNode>()).ToJsonString(), "application/json");
        }

        SseWriter.Start(context.Response);
        var sse = new SseWriter(context.Response, "\r\n");
        foreach (var chunk in chunks)
        {
            await sse.WriteAsync(chunk, context.RequestAborted);
            await pacing.BetweenChunksAsync(context.RequestAborted);
        }

        return Results.Empty;
    }

    private static JsonObject Chunk(string text, string? finishReason, int promptTokens, int candidateTokens, string model, string responseId)
    {
        var candidate = new JsonObject
        {
            ["content"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["text"] = text }), ["role"] = "model" },
        };
        if (finishReason is not null)
        {
            candidate["finishReason"] = finishReason;
        }

        candidate["index"] = 0;
        return new JsonObject
        {
            ["candidates"] = new JsonArray(candidate),
            ["usageMetadata"] = new JsonObject
            {
                ["promptTokenCount"] = promptTokens,
                ["candidatesTokenCount"] = candidateTokens,
                ["totalTokenCount"] = promptTokens + candidateTokens,
                ["promptTokensDetails"] = new JsonArray(new JsonObject { ["modality"] = "TEXT", ["tokenCount"] = promptTokens }),
            },
            ["modelVersion"] = model,
            ["responseId"] = responseId,
        };
    }

    private static string Parts(JsonNode? content) =>
        content?["parts"] is JsonArray parts ? string.Join("\n", parts.Select(p => RequestJson.String(p?["text"])).OfType<string>()) : "";
}
