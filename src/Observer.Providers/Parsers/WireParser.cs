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
}
