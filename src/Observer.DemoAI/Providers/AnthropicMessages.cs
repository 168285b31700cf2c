using System.Text.Json.Nodes;
using Observer.DemoAI.Hosting;
using Observer.DemoAI.Simulation;

namespace Observer.DemoAI.Providers;

/// <summary>
/// <c>POST /v1/messages</c> in Anthropic's shape; streamed as <c>message_start</c>, <c>content_block_start</c>, <c>ping</c>,
/// <c>content_block_delta</c>…, <c>content_block_stop</c>, <c>message_delta</c> (stop reason, output tokens), <c>message_stop</c>.
/// </summary>
public static class AnthropicMessages
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/v1/messages", HandleAsync).ForProvider(DemoProvider.Anthropic);

    private static async Task<IResult> HandleAsync(HttpContext context, DemoAiOptions options)
    {
        var body = await RequestJson.ReadAsync(context.Request);
        var model = RequestJson.String(body?["model"]);
        if (body?["messages"] is not JsonArray { Count: > 0 } messages || model is null || RequestJson.Int(body["max_tokens"]) is null)
        {
            return ProviderErrors.Result(DemoProvider.Anthropic, 400, "'model', 'max_tokens' and a non-empty 'messages' array are required");
        }

        var system = RequestJson.Text(body["system"]);
        var lastUser = RequestJson.Text(messages[^1]?["content"]);
        var reply = DemoText.Reply(system, lastUser);
        var inputTokens = 5 + DemoText.EstimateTokens(system) + messages.Sum(m => 3 + DemoText.EstimateTokens(RequestJson.Text(m?["content"])));
        var outputTokens = DemoText.EstimateTokens(reply);
        var id = DemoText.Id("msg_");
        var pacing = Pacing.From(context.Request, options);
        await pacing.BeforeHeadersAsync(context.RequestAborted);

        if (!RequestJson.Bool(body["stream"]))
        {
            return Results.Text(new JsonObject
            {
                ["id"] = id, ["type"] = "message", ["role"] = "assistant", ["model"] = model,
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = reply }),
                ["stop_reason"] = "end_turn", ["stop_sequence"] = null,
                ["usage"] = Usage(inputTokens, outputTokens),
            }.ToJsonString(), "application/json");
        }

        var ct = context.RequestAborted;
        SseWriter.Start(context.Response);
        var sse = new SseWriter(context.Response);
        Task Event(string type, JsonObject data)
        {
            var ordered = new JsonObject { ["type"] = type };
            foreach (var (key, value) in data.ToList())
            {
                data.Remove(key);
                ordered[key] = value;
            }

            return sse.WriteAsync(ordered, ct, type);
        }

        await Event("message_start", new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["id"] = id, ["type"] = "message", ["role"] = "assistant", ["model"] = model, ["content"] = new JsonArray(),
                ["stop_reason"] = null, ["stop_sequence"] = null, ["usage"] = Usage(inputTokens, 1),
            },
        });
        await Event("content_block_start", new JsonObject
        {
            ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" },
        });
        await Event("ping", []);
        foreach (var piece in DemoText.Chunks(reply))
        {
            await pacing.BetweenChunksAsync(ct);
            await Event("content_block_delta", new JsonObject
            {
                ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece },
            });
        }

        await Event("content_block_stop", new JsonObject { ["index"] = 0 });
        await Event("message_delta", new JsonObject
        {
            ["delta"] = new JsonObject { ["stop_reason"] = "end_turn", ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = outputTokens },
        });
        await Event("message_stop", []);
        return Results.Empty;
    }

    private static JsonObject Usage(int input, int output) => new()
    {
        ["input_tokens"] = input,
        ["cache_creation_input_tokens"] = 0,
        ["cache_read_input_tokens"] = 0,
        ["output_tokens"] = output,
    };
}
