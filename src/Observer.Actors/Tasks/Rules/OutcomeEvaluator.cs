namespace Observer.Actors.Tasks.Rules;

/// <summary>Applies the outcome rules, in order, to a closing task.</summary>
public static class OutcomeEvaluator
{
    public const string NoFinishReason = "none";

    public static string Evaluate(OpenTask task, TaskRules rules)
    {
        foreach (var rule in rules.Outcomes)
        {
            if (Holds(rule.When, task))
            {
                return rule.Outcome;
            }
        }

        return rules.DefaultOutcome;
    }

    private static bool Holds(OutcomeCondition when, OpenTask task)
    {
        if (when.LastCallFailed is { } failed && task.LastCallFailed != failed)
        {
            return false;
        }

        if (when.ErrorRatioAbove is { } ratio && (task.CallCount == 0 || (double)task.ErrorCount / task.CallCount <= ratio))
        {
            return false;
        }

        if (when.MinErrors is { } minErrors && task.ErrorCount < minErrors)
        {
            return false;
        }

        if (when.AnyFinishReason is { } any && !task.FinishReasons.Any(r => Contains(any, r)))
        {
            return false;
        }

        return when.LastFinishReason is not { } last || Contains(last, task.LastFinishReason ?? NoFinishReason);
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var v in values)
        {
            if (string.Equals(v, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
