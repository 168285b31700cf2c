using System.Globalization;
using Observer.DemoAI.Hosting;
using Observer.DemoAI.Simulation;

namespace Observer.DemoAI.Providers;

/// <summary>
/// <c>POST /v1/text-to-speech/{voice_id}</c> (and <c>/stream</c>): JSON text in, <c>audio/mpeg</c> out — silent
/// MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz), about 60 ms of audio per character, sent in paced pieces.
/// </summary>
public static class ElevenLabsSpeech
{
    public const int FrameBytes = 417;
    public const double FrameSeconds = 1152 / 44_100.0;
    private static readonly byte[] FrameHeader = [0xFF, 0xFB, 0x90, 0x64];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/text-to-speech/{voiceId}", HandleAsync).ForProvider(DemoProvider.ElevenLabs);
        app.MapPost("/v1/text-to-speech/{voiceId}/stream", HandleAsync).ForProvider(DemoProvider.ElevenLabs);
    }

    public static byte[] SilentMp3(int characters)
    {
        var frames = Math.Max(1, (int)Math.Ceiling(characters * 0.06 / FrameSeconds));
        var audio = new byte[frames * FrameBytes];
        for (var i = 0; i < frames; i++)
        {
            FrameHeader.CopyTo(audio, i * FrameBytes);
        }

        return audio;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string voiceId, DemoAiOptions options)
    {
        var body = await RequestJson.ReadAsync(context.Request);
        var text = RequestJson.String(body?["text"]);
        if (string.IsNullOrEmpty(text))
        {
            return ProviderErrors.Result(DemoProvider.ElevenLabs, 422, "field 'text' is required");
        }

        var pacing = Pacing.From(context.Request, options);
        await pacing.BeforeHeadersAsync(context.RequestAborted);
        var audio = SilentMp3(text.Length);
        var response = context.Response;
        response.ContentType = "audio/mpeg";
        response.ContentLength = audio.Length;
        response.Headers["character-cost"] = text.Length.ToString(CultureInfo.InvariantCulture);
        response.Headers["request-id"] = DemoText.Id("");
        response.Headers["x-voice-id"] = voiceId;
        const int Pieces = 4;
        var size = (audio.Length + Pieces - 1) / Pieces;
        for (var offset = 0; offset < audio.Length; offset += size)
        {
            if (offset > 0)
            {
                await pacing.BetweenChunksAsync(context.RequestAborted);
            }

            await response.Body.WriteAsync(audio.AsMemory(offset, Math.Min(size, audio.Length - offset)), context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
        }

        return Results.Empty;
    }
}
