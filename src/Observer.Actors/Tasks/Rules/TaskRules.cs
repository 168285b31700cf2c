using System.Text.RegularExpressions;

namespace Observer.Actors.Tasks.Rules;

/// <summary>
/// Task classification and outcome rules, loaded from data (the embedded <c>default-task-rules.yaml</c>, or the
/// configuration file's <c>task_rules:</c> key) by <see cref="TaskRulesLoader"/>.
/// </summary>
public sealed record TaskRules
{
    private static readonly Lazy<TaskRules> DefaultRules = new(TaskRulesLoader.LoadDefault);

    public static TaskRules Default => DefaultRules.Value;

    public required IReadOnlyList<TaskTypeRule> Types { get; init; }
    public required string FallbackType { get; init; }
    public required double FallbackConfidence { get; init; }
    public required string VoiceType { get; init; }
    public required double VoiceConfidence { get; init; }
    public required IReadOnlyList<OutcomeRule> Outcomes { get; init; }
    public required string DefaultOutcome { get; init; }
}

/// <summary>One task type: keywords (whole words, any case) and regular expressions over the classification text.</summary>
/// <param name="Type">The <c>task_type</c> value.</param>
/// <param name="Keywords">One alternation of all keywords, or null.</param>
/// <param name="Patterns">Patterns; each match counts <see cref="PatternWeight"/> keyword hits.</param>
public sealed record TaskTypeRule(string Type, Regex? Keywords, IReadOnlyList<Regex> Patterns)
{
    public const int PatternWeight = 2;
}

/// <summary>The first rule whose every stated condition holds gives the task's outcome.</summary>
public sealed record OutcomeRule(string Outcome, OutcomeCondition When);

/// <summary>Conditions over a closed task; a null condition is not checked. Finish reason <c>none</c> stands for null.</summary>
public sealed record OutcomeCondition
{
    public bool? LastCallFailed { get; init; }
    public double? ErrorRatioAbove { get; init; }
    public int? MinErrors { get; init; }
    public IReadOnlyList<string>? AnyFinishReason { get; init; }
    public IReadOnlyList<string>? LastFinishReason { get; init; }
}
