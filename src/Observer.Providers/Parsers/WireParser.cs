using System.Text.Json;

namespace Observer.Providers.Parsers;

/// <summary>
/// One family of wire formats. Parsers fill what they can find and stop quietly at whatever they cannot read:
/// the detector catches anything that still escapes, so a call is always reported with what is known.
/// </summary>
internal abstract class WireParser
{
    public abstract void ParseRequest(ParseInput input, ParsedCall call);

    public abstract void ParseResponse(ParseInput input, ParsedCall call);

    /// <summary>The request's text for token estimation when the provider reports no usage, or null.</summary>
    public virtual string? PromptText(ParseInput input) => null;

    /// <summary>
    /// The request body as a JSON object with its <c>model</c> taken, or null when it is not one (truncated, not JSON):
    /// then a top-level <c>model</c> is still picked up by scanning the bytes.
    /// </summary>
    protected static JsonDocument? ParseRequestObject(ParseInput input, ParsedCall call)
    {
        var document = JsonRead.TryParse(input.RequestBody);
        if (document is { RootElement.ValueKind: JsonValueKind.Object })
        {
            call.Model ??= document.RootElement.Str("model");
            return document;
        }

        document?.Dispose();
        call.Model ??= JsonScan.TopLevelString(input.RequestBody.Span, "model");
        return null;
    }
}
