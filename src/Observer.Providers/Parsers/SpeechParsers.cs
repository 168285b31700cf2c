using System.Text.Json;
using Observer.Contracts.Signals;
using Observer.Providers.Catalog;

namespace Observer.Providers.Parsers;

// Speech families: the billed unit is audio seconds (speech-to-text) or input characters (text-to-speech).

/// <summary>Deepgram pre-recorded <c>/v1/listen</c> (<c>metadata.duration</c>) and <c>/v1/speak</c> (input characters).</summary>
internal sealed class DeepgramParser : WireParser
{
    public override void ParseRequest(ParseInput input, ParsedCall call)
    {
        call.Model ??= input.QueryValue("model");
        if (input.Operation == Operations.SpeechSynthesis)
        {
            SpeechText.CountRequest(input, call);
        }
    }

    public override void ParseResponse(ParseInput input, ParsedCall call)
    {
        if (input.Operation == Operations.SpeechSynthesis)
        {
            call.ResponseModel = input.Exchange.ResponseHeaders["dg-model-name"] ?? call.ResponseModel;
            if (long.TryParse(input.Exchange.ResponseHeaders["dg-char-count"], System.Globalization.CultureInfo.InvariantCulture, out var billed))
            {
                call.Characters = billed;
                call.UsageReported = true;
            }

            return;
        }

        using var document = JsonRead.TryParse(input.ResponseBody);
        if (document is null || !document.RootElement.TryGetObject("metadata", out var metadata))
        {
            return;
        }

        if (metadata.Double("duration") is { } duration)
        {
            call.AudioSeconds = duration;
            call.UsageReported = true;
        }

        if (metadata.TryGetObject("model_info", out var info))
        {
            foreach (var model in info.EnumerateObject())
            {
                call.ResponseModel ??= model.Value.Str("arch") ?? model.Value.Str("name");
            }
        }

        call.FinishReason = FinishReasons.Stop;
    }
}

/// <summary>AssemblyAI <c>/v2/transcript</c>: the job's <c>status</c>, and <c>audio_duration</c> once completed.</summary>
internal sealed class AssemblyAiParser : WireParser
{
    public override void ParseRequest(ParseInput input, ParsedCall call) =>
        call.Model ??= JsonScan.TopLevelString(input.RequestBody.Span, "speech_model");

    public override void ParseResponse(ParseInput input, ParsedCall call)
    {
        using var document = JsonRead.TryParse(input.ResponseBody);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        call.ResponseModel = root.Str("speech_model") ?? call.ResponseModel;
        var status = root.Str("status");
        call.FinishReason = status is null ? null : FinishReasons.Normalize(status);
        if (status == "completed" && root.Double("audio_duration") is { } seconds)
        {
            call.AudioSeconds = seconds;
            call.UsageReported = true;
        }

        if (status == "error")
        {
            call.Error = new SignalError("transcription_error", ErrorExtractor.Cut(root.Str("error")));
        }
    }
}

/// <summary>Text-to-speech by characters of input text: ElevenLabs, PlayHT, Amazon Polly, Dubverse, Sarvam.</summary>
internal sealed class TextToSpeechParser : WireParser
{
    public override void ParseRequest(ParseInput input, ParsedCall call) => SpeechText.CountRequest(input, call);

    public override void ParseResponse(ParseInput input, ParsedCall call)
    {
        // Polly states the billed characters itself.
        if (long.TryParse(input.Exchange.ResponseHeaders["x-amzn-RequestCharacters"], System.Globalization.CultureInfo.InvariantCulture, out var billed))
        {
            call.Characters = billed;
            call.UsageReported = true;
        }

        if (input.Exchange.Status is >= 200 and < 300 && call.Characters is not null)
        {
            call.FinishReason = FinishReasons.Stop;
        }
    }
}

/// <summary>Speech-to-text uploads with a JSON result (ElevenLabs, Sarvam): duration where the result gives one.</summary>
internal sealed class SpeechToTextParser : WireParser
{
    public override void ParseRequest(ParseInput input, ParsedCall call) =>
        call.Model ??= Multipart.Field(input.RequestBody.Span, "model_id") ?? Multipart.Field(input.RequestBody.Span, "model");

    public override void ParseResponse(ParseInput input, ParsedCall call)
    {
        using var document = JsonRead.TryParse(input.ResponseBody);
        if (document is null)
        {
            return;
        }

        if (SpeechText.Duration(document.RootElement) is { } seconds)
        {
            call.AudioSeconds = seconds;
            call.UsageReported = true;
        }

        call.FinishReason = FinishReasons.Stop;
    }
}

/// <summary>Azure AI Speech: SSML synthesis (characters of the spoken text) and recognition (duration in 100 ns ticks or ms).</summary>
internal sealed class AzureSpeechParser : WireParser
{
    private const double TicksPerSecond = 10_000_000;

    public override void ParseRequest(ParseInput input, ParsedCall call)
    {
        if (input.Operation != Operations.SpeechSynthesis)
        {
            return;
        }

        var ssml = System.Text.Encoding.UTF8.GetString(input.RequestBody.Span);
        var voice = System.Text.RegularExpressions.Regex.Match(ssml, "<voice[^>]*\\sname\\s*=\\s*[\"']([^\"']+)[\"']", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
        call.Model ??= voice.Success ? voice.Groups[1].Value : null;
        call.Characters = SpeechText.SsmlCharacters(ssml);
        call.UsageReported = true;
    }

    public override void ParseResponse(ParseInput input, ParsedCall call)
    {
        if (input.Operation == Operations.SpeechSynthesis)
        {
            return;
        }

        using var document = JsonRead.TryParse(input.ResponseBody);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        if (root.Long("durationMilliseconds") is { } ms)
        {
            call.AudioSeconds = ms / 1000.0;
        }
        else if (root.Long("Duration") is { } ticks)
        {
            call.AudioSeconds = ((root.Long("Offset") ?? 0) + ticks) / TicksPerSecond;
        }

        call.UsageReported |= call.AudioSeconds is not null;
        call.FinishReason = FinishReasons.Normalize(root.Str("RecognitionStatus") switch
        {
            "Success" => "stop",
            null => null,
            var other => other,
        });
    }
}
