using System.Text.Json.Nodes;
using Observer.DemoAI.Hosting;
using Observer.DemoAI.Simulation;

namespace Observer.DemoAI.Providers;

/// <summary>
/// <c>POST /v1/chat/completions</c> in OpenAI's shape: plain or streamed (<c>chat.completion.chunk</c> events,
/// a final usage chunk with empty <c>choices</c> when <c>stream_options.include_usage</c>, then <c>[DONE]</c>),
/// with tool calls when the request offers tools and has not answered one yet.
/// </summary>
public static class OpenAiChat
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/v1/chat/completions", HandleAsync).ForProvider(DemoProvider.OpenAi);

    private static async Task<IResult> HandleAsync(HttpContext context, DemoAiOptions options)
    {
        var body = await RequestJson.ReadAsync(context.Request);
        var model = RequestJson.String(body?["model"]);
        if (body?["messages"] is not JsonArray messages || messages.Count == 0 || model is null)
        {
            return ProviderErrors.Result(DemoProvider.OpenAi, 400, "'model' and a non-empty 'messages' array are required");
        }

        var last = messages[^1];
        var lastRole = RequestJson.String(last?["role"]);
        var tool = body["tools"] is JsonArray { Count: > 0 } tools && lastRole != "tool" ? tools[0] : null;
        var system = messages.Where(m => RequestJson.String(m?["role"]) is "system" or "developer")
            .Select(m => RequestJson.Text(m?["content"])).FirstOrDefault();
        var lastUser = messages.LastOrDefault(m => RequestJson.String(m?["role"]) == "user") is { } u ? RequestJson.Text(u["content"]) : null;
        var reply = tool is null ? DemoText.Reply(system, lastUser, lastRole == "tool" ? RequestJson.Text(last?["content"]) : null) : null;
        ToolCallInfo? call = tool is null ? null : ToolCall(tool);

        var promptTokens = 3 + messages.Sum(m => 4 + DemoText.EstimateTokens(RequestJson.Text(m?["content"])))
            + (body["tools"] is JsonArray offered ? DemoText.EstimateTokens(offered.ToJsonString()) : 0);
        var completionTokens = reply is not null ? DemoText.EstimateTokens(reply) : 8 + DemoText.EstimateTokens(call!.Value.Arguments);
        var usage = Usage(promptTokens, completionTokens);
        var id = DemoText.Id("chatcmpl-");
        var created = RequestJson.UnixNow();
        var pacing = Pacing.From(context.Request, options);
        await pacing.BeforeHeadersAsync(context.RequestAborted);

        if (!RequestJson.Bool(body["stream"]))
        {
            var message = new JsonObject { ["role"] = "assistant", ["content"] = reply, ["refusal"] = null };
            if (call is { } c)
            {
                message["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = c.Id, ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments },
                });
            }

            return Results.Text(new JsonObject
            {
                ["id"] = id, ["object"] = "chat.completion", ["created"] = created, ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["message"] = message, ["logprobs"] = null, ["finish_reason"] = call is null ? "stop" : "tool_calls",
                }),
                ["usage"] = usage, ["service_tier"] = "default", ["system_fingerprint"] = "fp_demo0001",
            }.ToJsonString(), "application/json");
        }

        var includeUsage = RequestJson.Bool(body["stream_options"]?["include_usage"]);
        await StreamAsync(context, pacing, id, created, model, reply, call, includeUsage ? usage : null);
        return Results.Empty;
    }

    private static async Task StreamAsync(
        HttpContext context, Pacing pacing, string id, long created, string model, string? reply, ToolCallInfo? call, JsonObject? usage)
    {
        var ct = context.RequestAborted;
        SseWriter.Start(context.Response);
        var sse = new SseWriter(context.Response);
        JsonObject Chunk(JsonObject delta, string? finish)
        {
            var chunk = new JsonObject
            {
                ["id"] = id, ["object"] = "chat.completion.chunk", ["created"] = created, ["model"] = model,
                ["system_fingerprint"] = "fp_demo0001",
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finish }),
            };
            if (usage is not null)
            {
                chunk["usage"] = null;
            }

            return chunk;
        }

        if (call is { } c)
        {
            await sse.WriteAsync(Chunk(new JsonObject
            {
                ["role"] = "assistant", ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["id"] = c.Id, ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = "" },
                }),
            }, null), ct);
            foreach (var piece in c.Arguments.Chunk(8).Select(p => new string(p)))
            {
                await pacing.BetweenChunksAsync(ct);
                await sse.WriteAsync(Chunk(new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = piece } }),
                }, null), ct);
            }
        }
        else
        {
            await sse.WriteAsync(Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "", ["refusal"] = null }, null), ct);
            foreach (var piece in DemoText.Chunks(reply!))
            {
                await pacing.BetweenChunksAsync(ct);
                await sse.WriteAsync(Chunk(new JsonObject { ["content"] = piece }, null), ct);
            }
        }

        await sse.WriteAsync(Chunk(new JsonObject(), call is null ? "stop" : "tool_calls"), ct);
        if (usage is not null)
        {
            await sse.WriteAsync(new JsonObject
            {
                ["id"] = id, ["object"] = "chat.completion.chunk", ["created"] = created, ["model"] = model,
                ["system_fingerprint"] = "fp_demo0001", ["choices"] = new JsonArray(), ["usage"] = usage,
            }, ct);
        }

        await sse.WriteRawAsync("[DONE]", ct);
    }

    internal static JsonObject Usage(int prompt, int completion) => new()
    {
        ["prompt_tokens"] = prompt,
        ["completion_tokens"] = completion,
        ["total_tokens"] = prompt + completion,
        ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0, ["audio_tokens"] = 0 },
        ["completion_tokens_details"] = new JsonObject
        {
            ["reasoning_tokens"] = 0, ["audio_tokens"] = 0, ["accepted_prediction_tokens"] = 0, ["rejected_prediction_tokens"] = 0,
        },
    };

    /// <summary>Calls the first offered function with a sample value for each declared parameter.</summary>
    private static ToolCallInfo ToolCall(JsonNode? tool)
    {
        var function = tool?["function"];
        var name = RequestJson.String(function?["name"]) ?? "tool";
        var arguments = new JsonObject();
        if (function?["parameters"]?["properties"] is JsonObject properties)
        {
            foreach (var (property, schema) in properties)
            {
                arguments[property] = RequestJson.String(schema?["type"]) switch
                {
                    "integer" => 3,
                    "number" => 1.5,
                    "boolean" => true,
                    _ => property.Contains("city", StringComparison.OrdinalIgnoreCase) ? "Paris" : "demo",
                };
            }
        }

        return new ToolCallInfo(DemoText.Id("call_"), name, arguments.ToJsonString());
    }

    private readonly record struct ToolCallInfo(string Id, string Name, string Arguments);
}
