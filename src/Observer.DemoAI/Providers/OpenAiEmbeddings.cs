using System.Text.Json.Nodes;
using Observer.DemoAI.Hosting;
using Observer.DemoAI.Simulation;

namespace Observer.DemoAI.Providers;

/// <summary><c>POST /v1/embeddings</c>: a list of <c>embedding</c> objects and <c>usage.prompt_tokens</c>.</summary>
public static class OpenAiEmbeddings
{
    public const int DefaultDimensions = 1536;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/v1/embeddings", HandleAsync).ForProvider(DemoProvider.OpenAi);

    private static async Task<IResult> HandleAsync(HttpContext context, DemoAiOptions options)
    {
        var body = await RequestJson.ReadAsync(context.Request);
        var model = RequestJson.String(body?["model"]);
        var inputs = body?["input"] switch
        {
            JsonArray array => array.Select(RequestJson.String).OfType<string>().ToList(),
            JsonValue value when RequestJson.String(value) is { } single => [single],
            _ => [],
        };
        if (model is null || inputs.Count == 0)
        {
            return ProviderErrors.Result(DemoProvider.OpenAi, 400, "'model' and a string or string-array 'input' are required");
        }

        var dimensions = Math.Clamp(RequestJson.Int(body!["dimensions"]) ?? DefaultDimensions, 1, 3072);
        await Pacing.From(context.Request, options).BeforeHeadersAsync(context.RequestAborted);
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            data.Add(new JsonObject
            {
                ["object"] = "embedding", ["index"] = i,
                ["embedding"] = new JsonArray(DemoText.Embedding(inputs[i], dimensions).Select(v => (JsonNode)v).ToArray()),
            });
        }

        var tokens = inputs.Sum(DemoText.EstimateTokens);
        return Results.Text(new JsonObject
        {
            ["object"] = "list", ["data"] = data, ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        }.ToJsonString(), "application/json");
    }
}
