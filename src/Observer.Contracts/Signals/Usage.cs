namespace Observer.Contracts.Signals;

/// <summary>Token and unit counts of a call, or the sum over a task. Each is null when not known.</summary>
public sealed record Usage
{
    public static readonly Usage Empty = new();

    public long? InputTokens { get; init; }
    public long? OutputTokens { get; init; }
    public long? TotalTokens { get; init; }
    public long? CacheReadInputTokens { get; init; }
    public long? CacheCreationInputTokens { get; init; }
    public long? ReasoningTokens { get; init; }
    public double? AudioSeconds { get; init; }
    public long? Characters { get; init; }

    /// <summary>Adds two usages field by field; a field stays null only when both sides are null.</summary>
    public Usage Add(Usage other) => new()
    {
        InputTokens = Sum(InputTokens, other.InputTokens),
        OutputTokens = Sum(OutputTokens, other.OutputTokens),
        TotalTokens = Sum(TotalTokens, other.TotalTokens),
        CacheReadInputTokens = Sum(CacheReadInputTokens, other.CacheReadInputTokens),
        CacheCreationInputTokens = Sum(CacheCreationInputTokens, other.CacheCreationInputTokens),
        ReasoningTokens = Sum(ReasoningTokens, other.ReasoningTokens),
        AudioSeconds = Sum(AudioSeconds, other.AudioSeconds),
        Characters = Sum(Characters, other.Characters),
    };

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);

    private static double? Sum(double? a, double? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
