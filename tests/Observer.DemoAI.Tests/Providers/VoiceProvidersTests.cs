using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Observer.DemoAI.Agent;
using Observer.DemoAI.Providers;
using Observer.DemoAI.Tests.Support;

namespace Observer.DemoAI.Tests.Providers;

public sealed class VoiceProvidersTests : IAsyncLifetime
{
    private RunningDemoAi _demo = null!;

    public async Task InitializeAsync() => _demo = await RunningDemoAi.StartAsync();

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [Fact]
    public async Task DeepgramListen_ReportsDurationOfTheWavAndATranscript()
    {
        using var https = _demo.Https();
        var audio = new ByteArrayContent(WavFile.Silence(2.5)) { Headers = { ContentType = new MediaTypeHeaderValue("audio/wav") } };

        var response = await https.PostAsync("https://api.deepgram.com/v1/listen?model=nova-2", audio);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2.5, json["metadata"]!["duration"]!.GetValue<double>(), 3);
        Assert.Equal(1, json["metadata"]!["channels"]!.GetValue<int>());
        var alternative = json["results"]!["channels"]![0]!["alternatives"]![0]!;
        Assert.Equal(DeepgramListen.Transcript, alternative["transcript"]!.GetValue<string>());
        Assert.Equal(DeepgramListen.Transcript.Split(' ').Length, alternative["words"]!.AsArray().Count);
    }

    [Fact]
    public void RawPcmWithoutHeader_CountsAs16kHzMono16Bit()
    {
        Assert.Equal(1.0, DeepgramListen.DurationSeconds(new byte[32_000]), 3);
    }

    [Fact]
    public async Task ElevenLabsSpeech_ReturnsMpegFramesSizedByTheText()
    {
        using var https = _demo.Https();
        const string Text = "Your table for two is booked for seven tonight.";
        var body = new StringContent(new JsonObject { ["text"] = Text, ["model_id"] = "eleven_turbo_v2_5" }.ToJsonString(),
            System.Text.Encoding.UTF8, "application/json");

        var response = await https.PostAsync("https://api.elevenlabs.io/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM", body);
        var audio = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("character-cost").Single());
        Assert.Equal(0, audio.Length % ElevenLabsSpeech.FrameBytes);
        var frames = audio.Length / ElevenLabsSpeech.FrameBytes;
        Assert.Equal(Math.Ceiling(Text.Length * 0.06 / ElevenLabsSpeech.FrameSeconds), frames);
        Assert.All(Enumerable.Range(0, frames), i => Assert.Equal(0xFF, audio[i * ElevenLabsSpeech.FrameBytes]));
        Assert.Equal(0xFB, audio[1]);
    }

    [Fact]
    public async Task ElevenLabsWithoutText_Returns422()
    {
        var response = await _demo.Http.PostAsync("/v1/text-to-speech/voice", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }
}
