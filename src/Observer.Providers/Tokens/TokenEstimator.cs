using Microsoft.ML.Tokenizers;

namespace Observer.Providers.Tokens;

/// <summary>
/// Estimates token counts when a provider reports none (a stream without <c>include_usage</c>, a cut-off body):
/// o200k_base for the gpt-4o / gpt-4.1 / gpt-5 / o-series generation, cl100k_base for older models and as the
/// generic approximation for other families. Tokenizers load once, lazily (their data ships in NuGet packages).
/// </summary>
public static class TokenEstimator
{
    /// <summary>Chat formatting overhead per message and for priming the reply (OpenAI's published approximation).</summary>
    public const int TokensPerMessage = 3;

    /// <summary>Longer texts are counted on this many characters and extrapolated, bounding the cost of a huge body.</summary>
    public const int MaxCountedChars = 100_000;

    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private static readonly Lazy<Tokenizer> Cl100k = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    private static readonly string[] O200kPrefixes =
        ["gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "o1", "o3", "o4", "chatgpt-4o", "gpt-oss", "gpt-realtime", "gpt-image", "openai/gpt-oss", "openai/gpt-4o", "openai/gpt-5"];

    /// <summary>The encoding used for a model: <c>o200k_base</c> or <c>cl100k_base</c>.</summary>
    public static string EncodingFor(string? model)
    {
        var name = model ?? "";
        foreach (var prefix in O200kPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return "o200k_base";
            }
        }

        return "cl100k_base";
    }

    public static long Count(string? text, string? model)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var tokenizer = EncodingFor(model) == "o200k_base" ? O200k.Value : Cl100k.Value;
        if (text.Length <= MaxCountedChars)
        {
            return tokenizer.CountTokens(text);
        }

        var sample = tokenizer.CountTokens(text.AsSpan(0, MaxCountedChars));
        return (long)Math.Round(sample * ((double)text.Length / MaxCountedChars));
    }
}
