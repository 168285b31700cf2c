using System.Text.Json.Nodes;
using Observer.DemoAI.Hosting;
using Observer.DemoAI.Simulation;

namespace Observer.DemoAI.Providers;

/// <summary>
/// <c>POST /v1/responses</c> in OpenAI's Responses shape: a <c>response</c> object, or when streamed the events
/// <c>response.created</c>, <c>response.output_text.delta</c>…, <c>response.output_text.done</c>, <c>response.completed</c>.
/// </summary>
public static class OpenAiResponses
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/v1/responses", HandleAsync).ForProvider(DemoProvider.OpenAi);

    private static async Task<IResult> HandleAsync(HttpContext context, DemoAiOptions options)
    {
        var body = await RequestJson.ReadAsync(context.Request);
        var model = RequestJson.String(body?["model"]);
        if (body is null || model is null || body["input"] is null)
        {
            return ProviderErrors.Result(DemoProvider.OpenAi, 400, "'model' and 'input' are required");
        }

        var input = body["input"] is JsonArray items ? string.Join("\n", items.Select(i => RequestJson.Text(i?["content"]))) : RequestJson.Text(body["input"]);
        var instructions = RequestJson.String(body["instructions"]);
        var reply = DemoText.Reply(instructions, input);
        var inputTokens = DemoText.EstimateTokens(input) + DemoText.EstimateTokens(instructions) + 7;
        var outputTokens = DemoText.EstimateTokens(reply);
        var id = DemoText.Id("resp_");
        var messageId = DemoText.Id("msg_");
        var pacing = Pacing.From(context.Request, options);
        await pacing.BeforeHeadersAsync(context.RequestAborted);

        var completed = Response(id, messageId, model, "completed", reply, inputTokens, outputTokens);
        if (!RequestJson.Bool(body["stream"]))
        {
            return Results.Text(completed.ToJsonString(), "application/json");
        }

        var ct = context.RequestAborted;
        SseWriter.Start(context.Response);
        var sse = new SseWriter(context.Response);
        var sequence = 0;
        async Task Event(string type, JsonObject data)
        {
            data["type"] = type;
            data["sequence_number"] = sequence++;
            await sse.WriteAsync(data, ct, type);
        }

        await Event("response.created", new JsonObject { ["response"] = Response(id, messageId, model, "in_progress", null, null, null) });
        foreach (var piece in DemoText.Chunks(reply))
        {
            await pacing.BetweenChunksAsync(ct);
            await Event("response.output_text.delta", new JsonObject
            {
                ["item_id"] = messageId, ["output_index"] = 0, ["content_index"] = 0, ["delta"] = piece,
            });
        }

        await Event("response.output_text.done", new JsonObject
        {
            ["item_id"] = messageId, ["output_index"] = 0, ["content_index"] = 0, ["text"] = reply,
        });
        await Event("response.completed", new JsonObject { ["response"] = completed });
        return Results.Empty;
    }

    private static JsonObject Response(string id, string messageId, string model, string status, string? text, int? input, int? output) => new()
    {
        ["id"] = id,
        ["object"] = "response",
        ["created_at"] = RequestJson.UnixNow(),
        ["status"] = status,
        ["model"] = model,
        ["output"] = text is null ? new JsonArray() : new JsonArray(new JsonObject
        {
            ["type"] = "message", ["id"] = messageId, ["status"] = "completed", ["role"] = "assistant",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() }),
        }),
        ["usage"] = input is null ? null : new JsonObject
        {
            ["input_tokens"] = input,
            ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = 0 },
            ["output_tokens"] = output,
            ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
            ["total_tokens"] = input + output,
        },
    };
}
