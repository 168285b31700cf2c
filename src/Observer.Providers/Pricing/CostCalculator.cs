using Observer.Providers.Parsers;

namespace Observer.Providers.Pricing;

/// <summary>
/// Prices a call's usage. Input tokens include cached and cache-written tokens (as normalised by the parsers), so the
/// uncached part is input − cache read − cache write (− audio when audio is priced apart); reasoning tokens are part
/// of output tokens unless priced apart. Null when no part of the usage has a price: unknown is not free.
/// </summary>
internal static class CostCalculator
{
    private const decimal Million = 1_000_000m;

    public static decimal? Compute(ModelPrice price, ParsedCall call, bool succeeded)
    {
        decimal total = 0;
        var priced = false;

        void Add(long? units, decimal? perMillion)
        {
            if (units is > 0 && perMillion is { } p)
            {
                total += units.Value * p / Million;
                priced = true;
            }
            else if (units is not null && perMillion is not null)
            {
                priced = true;
            }
        }

        var cacheRead = call.CacheReadInputTokens ?? 0;
        var cacheWrite = call.CacheCreationInputTokens ?? 0;
        var audioIn = price.AudioInputPerMTok is null ? 0 : call.AudioInputTokens ?? 0;
        var audioOut = price.AudioOutputPerMTok is null ? 0 : call.AudioOutputTokens ?? 0;
        var reasoning = price.ReasoningPerMTok is null ? 0 : call.ReasoningTokens ?? 0;

        if (call.InputTokens is { } input)
        {
            Add(Math.Max(0, input - cacheRead - cacheWrite - audioIn), price.InputPerMTok);
            Add(cacheRead, price.CacheReadPerMTok ?? price.InputPerMTok);
            Add(cacheWrite, price.CacheWritePerMTok ?? price.InputPerMTok);
            Add(audioIn, price.AudioInputPerMTok);
        }

        if (call.OutputTokens is { } output)
        {
            Add(Math.Max(0, output - audioOut - reasoning), price.OutputPerMTok);
            Add(audioOut, price.AudioOutputPerMTok);
            Add(reasoning, price.ReasoningPerMTok);
        }

        if (call.Images is { } images && price.PerImage is { } perImage)
        {
            total += images * perImage;
            priced = true;
        }

        if (call.AudioSeconds is { } seconds && price.PerSecond is { } perSecond)
        {
            total += (decimal)seconds * perSecond;
            priced = true;
        }

        if (call.Characters is { } characters && price.PerCharacter is { } perCharacter)
        {
            total += characters * perCharacter;
            priced = true;
        }

        if (succeeded && price.PerRequest is { } perRequest)
        {
            total += perRequest;
            priced = true;
        }

        return priced ? Math.Round(total, 10) : null;
    }
}
