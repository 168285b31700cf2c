using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Observer.DemoAI.Hosting;
using Observer.DemoAI.Simulation;

namespace Observer.DemoAI.Providers;

/// <summary>
/// <c>POST /v1/listen</c> (Deepgram pre-recorded STT): audio bytes in, a transcript with <c>metadata.duration</c>
/// (seconds, from the WAV header when there is one, else 16 kHz 16-bit mono) out.
/// </summary>
public static class DeepgramListen
{
    public const string Transcript = "please transcribe this and book a table for two at seven tonight";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/v1/listen", HandleAsync).ForProvider(DemoProvider.Deepgram);

    /// <summary>Seconds of audio in a body: WAV data size / byte rate, or raw 16 kHz 16-bit mono.</summary>
    public static double DurationSeconds(ReadOnlySpan<byte> audio)
    {
        if (audio.Length >= 44 && audio[..4].SequenceEqual("RIFF"u8) && audio.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            var byteRate = BinaryPrimitives.ReadUInt32LittleEndian(audio.Slice(28, 4));
            if (byteRate > 0)
            {
                return Math.Round((audio.Length - 44) / (double)byteRate, 3);
            }
        }

        return Math.Round(audio.Length / 32_000.0, 3);
    }

    private static async Task<IResult> HandleAsync(HttpContext context, DemoAiOptions options)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length == 0)
        {
            return ProviderErrors.Result(DemoProvider.Deepgram, 400, "Bad Request: failed to process audio: corrupt or unsupported data");
        }

        var audio = buffer.ToArray();
        var duration = DurationSeconds(audio);
        var model = context.Request.Query["model"].FirstOrDefault() ?? "nova-2";
        var modelId = Guid.NewGuid().ToString();
        await Pacing.From(context.Request, options).BeforeHeadersAsync(context.RequestAborted);

        var words = Transcript.Split(' ');
        var step = duration / Math.Max(1, words.Length);
        var wordNodes = new JsonArray(words.Select((w, i) => (JsonNode)new JsonObject
        {
            ["word"] = w, ["start"] = Math.Round(i * step, 3), ["end"] = Math.Round((i + 1) * step, 3), ["confidence"] = 0.98,
        }).ToArray());
        return Results.Text(new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["transaction_key"] = "deprecated",
                ["request_id"] = Guid.NewGuid().ToString(),
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(audio)),
                ["created"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["duration"] = duration,
                ["channels"] = 1,
                ["models"] = new JsonArray(modelId),
                ["model_info"] = new JsonObject
                {
                    [modelId] = new JsonObject { ["name"] = "2-general-" + model, ["version"] = "2024-01-09.29447", ["arch"] = model },
                },
            },
            ["results"] = new JsonObject
            {
                ["channels"] = new JsonArray(new JsonObject
                {
                    ["alternatives"] = new JsonArray(new JsonObject
                    {
                        ["transcript"] = Transcript, ["confidence"] = 0.98, ["words"] = wordNodes,
                    }),
                }),
            },
        }.ToJsonString(), "application/json");
    }
}
