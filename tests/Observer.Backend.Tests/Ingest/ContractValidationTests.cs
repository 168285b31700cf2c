using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Observer.Backend.Ingest;
using Observer.Backend.Tests.Support;
using Observer.Contracts.Signals;

namespace Observer.Backend.Tests.Ingest;

public sealed class ContractValidationTests(BackendFixture fixture) : IClassFixture<BackendFixture>
{
    private readonly RunningBackend _backend = fixture.Backend;

    public static TheoryData<string, string> RequiredFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { SignalKinds.AiCall, SignalKinds.Task })
        {
            data.Add(kind, "id");
            data.Add(kind, "kind");
            data.Add(kind, "schema_version");
            foreach (var path in Paths(SignalSchema.Common, "").Concat(Paths(SignalSchema.ForKind(kind)!, "")))
            {
                data.Add(kind, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task MissingRequiredField_Returns400NamingTheField(string kind, string path)
    {
        var signal = Valid(kind);
        Parent(signal, path, out var name).Remove(name);

        var error = await PostExpecting400(signal);

        Assert.Equal(path, error.Field);
        Assert.Equal(0, error.Index);
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task IllTypedRequiredField_Returns400NamingTheField(string kind, string path)
    {
        var signal = Valid(kind);
        var parent = Parent(signal, path, out var name);
        // An array is the wrong type for every field of the contract: strings, numbers, booleans, objects alike.
        // String arrays get an array of numbers instead.
        parent[name] = parent[name] is JsonArray ? new JsonArray(1, 2) : new JsonArray("wrong");

        var error = await PostExpecting400(signal);

        Assert.Equal(path, error.Field);
    }

    [Theory]
    [InlineData("timestamp", "yesterday")]
    [InlineData("timestamp", "2026-03-01 12:00:00")]
    [InlineData("kind", "ai_cal")]
    [InlineData("schema_version", "2")]
    [InlineData("port", "1.5")]
    [InlineData("id", "\"\"")]
    [InlineData("port", "99999999999")]
    [InlineData("status", "4294967296")]
    public async Task BadValue_Returns400NamingTheField(string field, string json)
    {
        var signal = Valid(SignalKinds.AiCall);
        signal[field] = field == "timestamp" || field == "kind" ? JsonValue.Create(json) : JsonNode.Parse(json);

        var error = await PostExpecting400(signal);

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task SecondSignalInvalid_ReportsItsIndexAndStoresNothing()
    {
        var good = Valid(SignalKinds.AiCall);
        var bad = Valid(SignalKinds.AiCall);
        bad["usage"]!.AsObject()["output_tokens"] = "five";
        var body = new JsonArray(good, bad).ToJsonString();

        var response = await _backend.Client.PostAsync("/api/v1/signals", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var error = await ReadError(response);

        Assert.Equal(1, error.Index);
        Assert.Equal("usage.output_tokens", error.Field);
        var stored = await _backend.Client.GetAsync("/api/v1/calls?limit=1000");
        Assert.DoesNotContain(good["id"]!.GetValue<string>(), await stored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("[1]")]
    [InlineData("[{\"id\":")]
    public async Task MalformedBatch_Returns400(string body)
    {
        var response = await _backend.Client.PostAsync("/api/v1/signals", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var error = await ReadError(response);
        Assert.Equal("$", error.Field);
    }

    [Fact]
    public async Task UnknownExtraFields_AreAcceptedAndKept()
    {
        var signal = Valid(SignalKinds.AiCall);
        signal["future_field"] = new JsonObject { ["nested"] = 1 };
        signal["usage"]!.AsObject()["video_seconds"] = 3.5;

        var response = await _backend.Client.PostAsync("/api/v1/signals", Content(signal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = JsonDocument.Parse(await _backend.Client.GetStringAsync("/api/v1/calls?limit=1000"));
        var stored = calls.RootElement.GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == signal["id"]!.GetValue<string>());
        Assert.Equal(1, stored.GetProperty("future_field").GetProperty("nested").GetInt32());
    }

    private static JsonObject Valid(string kind)
    {
        Signal signal = kind == SignalKinds.AiCall
            ? Signals.Call(ttftMs: 20)
            : Signals.Task("task-1", [Signals.Call()]);
        // Exercise every nullable object too, so that nested fields exist to be removed.
        if (signal is AiCallSignal call)
        {
            signal = call with { Error = new SignalError("server_error", "boom"), Websocket = new WebSocketCounts(1, 2, 3, 4) };
        }

        return JsonNode.Parse(SignalJson.Serialize(signal))!.AsObject();
    }

    private static JsonObject Parent(JsonObject signal, string path, out string name)
    {
        var parts = path.Split('.');
        var parent = signal;
        foreach (var part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }

        name = parts[^1];
        return parent;
    }

    private static IEnumerable<string> Paths(IReadOnlyList<FieldSpec> fields, string prefix)
    {
        foreach (var field in fields)
        {
            yield return prefix + field.Name;
            if (field.Children is not null)
            {
                foreach (var child in Paths(field.Children, prefix + field.Name + "."))
                {
                    yield return child;
                }
            }
        }
    }

    private async Task<IngestError> PostExpecting400(JsonObject signal) =>
        await ReadError(await _backend.Client.PostAsync("/api/v1/signals", Content(signal)));

    private static async Task<IngestError> ReadError(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonSerializer.Deserialize<IngestError>(
            await response.Content.ReadAsStringAsync(), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        return error!;
    }

    private static StringContent Content(JsonObject signal) =>
        new(new JsonArray(signal).ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
