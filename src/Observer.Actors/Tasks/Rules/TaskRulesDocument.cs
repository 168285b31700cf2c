namespace Observer.Actors.Tasks.Rules;

/// <summary>The YAML shape of task rules (<c>default-task-rules.yaml</c>, or <c>task_rules:</c> in the config file).</summary>
internal sealed class TaskRulesDocument
{
    public List<TypeRuleDocument>? Types { get; set; }
    public ConfidentTypeDocument? Fallback { get; set; }
    public ConfidentTypeDocument? Voice { get; set; }
    public List<OutcomeRuleDocument>? Outcomes { get; set; }
    public string? DefaultOutcome { get; set; }
}

internal sealed class TypeRuleDocument
{
    public string? Type { get; set; }
    public List<string>? Keywords { get; set; }
    public List<string>? Patterns { get; set; }
}

internal sealed class ConfidentTypeDocument
{
    public string? Type { get; set; }
    public double? Confidence { get; set; }
}

internal sealed class OutcomeRuleDocument
{
    public string? Outcome { get; set; }
    public OutcomeConditionDocument? When { get; set; }
}

internal sealed class OutcomeConditionDocument
{
    public bool? LastCallFailed { get; set; }
    public double? ErrorRatioAbove { get; set; }
    public int? MinErrors { get; set; }
    public List<string>? AnyFinishReason { get; set; }
    public List<string>? LastFinishReason { get; set; }
}

/// <summary>The part of the observer's configuration file these rules read; every other key is ignored here.</summary>
internal sealed class ConfigFileDocument
{
    public TaskRulesDocument? TaskRules { get; set; }
}
