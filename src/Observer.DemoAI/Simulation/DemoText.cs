using System.Security.Cryptography;
using System.Text;

namespace Observer.DemoAI.Simulation;

/// <summary>Deterministic canned replies and token estimates (about four characters per token, as for English text).</summary>
public static class DemoText
{
    private static readonly string[] Generic =
    [
        "Here is a short answer from the demo provider. The observer measured this call end to end, counted its tokens and priced it.",
        "The demo model considered your request carefully. It suggests breaking the work into small steps, checking each one, and writing down what was learned.",
        "Good question. In short: measure first, change one thing at a time, and keep the results where the whole team can see them.",
    ];

    public static int EstimateTokens(string? text) => string.IsNullOrEmpty(text) ? 0 : Math.Max(1, (text.Length + 3) / 4);

    /// <summary>Splits text into streaming pieces of one word each (with its leading space), as providers roughly do.</summary>
    public static IReadOnlyList<string> Chunks(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Select((w, i) => i == 0 ? w : " " + w).ToList();
    }

    public static string Reply(string? system, string? lastUser, string? toolResult = null)
    {
        if (toolResult is not null)
        {
            return $"According to the tool, the result is {Trim(toolResult, 80)}. Let me know if you need anything else.";
        }

        if (system is not null && system.Contains("summar", StringComparison.OrdinalIgnoreCase))
        {
            return "Summary: the document explains how the team observes its AI traffic, what each call costs, and where latency "
                + "comes from. It recommends grouping calls into tasks and reviewing errors weekly.";
        }

        if (lastUser is not null && lastUser.Contains("transcri", StringComparison.OrdinalIgnoreCase))
        {
            return "Sure, I booked the table for two at seven tonight and sent you the confirmation.";
        }

        var index = lastUser is null ? 0 : SHA256.HashData(Encoding.UTF8.GetBytes(lastUser))[0] % Generic.Length;
        return Generic[index];
    }

    /// <summary>Deterministic unit-length-ish vector for an embeddings input.</summary>
    public static float[] Embedding(string input, int dimensions)
    {
        var seed = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(input)), 0);
        var random = new Random(seed);
        var vector = new float[dimensions];
        var scale = 1 / MathF.Sqrt(dimensions);
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = MathF.Round(((float)random.NextDouble() * 2 - 1) * scale * 1.7f, 6);
        }

        return vector;
    }

    public static string Id(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
