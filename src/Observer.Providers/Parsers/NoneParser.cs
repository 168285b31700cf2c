namespace Observer.Providers.Parsers;

/// <summary>For paths whose bodies carry no usage: only the model, if a JSON request names one.</summary>
internal sealed class NoneParser : WireParser
{
    public override void ParseRequest(ParseInput input, ParsedCall call) =>
        call.Model ??= JsonScan.TopLevelString(input.RequestBody.Span, "model") ?? JsonScan.TopLevelString(input.RequestBody.Span, "model_id");

    public override void ParseResponse(ParseInput input, ParsedCall call)
    {
    }
}
