using System.Text.Json;
using System.Text.RegularExpressions;

namespace Observer.Providers.Parsers;

/// <summary>Helpers shared by the speech parsers: billed characters of TTS input, and audio duration of STT results.</summary>
internal static partial class SpeechText
{
    private static readonly string[] TextFields = ["text", "Text", "input", "inputs", "content"];
    private static readonly string[] ModelFields = ["model_id", "model", "voice_engine", "Engine", "engine"];

    [GeneratedRegex("<[^>]*>", RegexOptions.None, 100)]
    private static partial Regex Tags();

    /// <summary>Reads the model and counts the characters of a JSON TTS request (SSML tags are not billed).</summary>
    public static void CountRequest(ParseInput input, ParsedCall call)
    {
        using var document = JsonRead.TryParse(input.RequestBody);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            call.Model ??= JsonScan.TopLevelString(input.RequestBody.Span, "model_id") ?? JsonScan.TopLevelString(input.RequestBody.Span, "model");
            return;
        }

        var root = document.RootElement;
        foreach (var field in ModelFields)
        {
            if (root.Str(field) is { } model)
            {
                call.Model ??= model;
                break;
            }
        }

        long? characters = null;
        foreach (var field in TextFields)
        {
            if (!root.TryGet(field, out var value))
            {
                continue;
            }

            characters = value.ValueKind switch
            {
                JsonValueKind.String => Count(value.GetString()!, root.Str("TextType") == "ssml"),
                JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Sum(v => Count(v.GetString()!, false)),
                _ => null,
            };
            if (characters is not null)
            {
                break;
            }
        }

        if (characters is not null)
        {
            call.Characters = characters;
            call.UsageReported = true;
        }
    }

    public static long SsmlCharacters(string ssml)
    {
        var text = Tags().Replace(ssml, "");
        return new StringInfoLength(System.Net.WebUtility.HtmlDecode(text).Trim()).Value;
    }

    private static long Count(string text, bool ssml) => ssml ? SsmlCharacters(text) : new StringInfoLength(text).Value;

    /// <summary>Audio seconds from common STT result shapes: <c>duration</c>, <c>audio_duration</c>, or the last word's <c>end</c>.</summary>
    public static double? Duration(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if ((root.Double("duration") ?? root.Double("audio_duration") ?? root.Double("duration_seconds")) is { } seconds)
        {
            return seconds;
        }

        if (root.TryGetArray("words", out var words) && words.GetArrayLength() > 0)
        {
            return words[words.GetArrayLength() - 1].Double("end");
        }

        return null;
    }
}
