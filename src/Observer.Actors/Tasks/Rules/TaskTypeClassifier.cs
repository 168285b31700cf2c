using System.Text.RegularExpressions;

namespace Observer.Actors.Tasks.Rules;

/// <summary>Chooses a closed task's type and confidence: explicit header, then voice pipeline, then keyword rules.</summary>
public static class TaskTypeClassifier
{
    public static (string Type, double Confidence) Classify(OpenTask task, TaskRules rules)
    {
        if (!string.IsNullOrWhiteSpace(task.ExplicitType))
        {
            return (task.ExplicitType.Trim().ToLowerInvariant(), 1.0);
        }

        if (task.IsVoiceConversation)
        {
            return (rules.VoiceType, rules.VoiceConfidence);
        }

        return ClassifyText(task.ClassificationText, rules);
    }

    /// <summary>
    /// Scores each type by distinct keyword hits plus weighted pattern hits. Confidence is the winner's share against
    /// the runner-up: <c>top / (top + second + 1)</c>, so one lone hit gives 0.5 and clear winners approach 1.
    /// </summary>
    public static (string Type, double Confidence) ClassifyText(string text, TaskRules rules)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (rules.FallbackType, rules.FallbackConfidence);
        }

        string? best = null;
        int top = 0, second = 0;
        foreach (var rule in rules.Types)
        {
            var score = Score(rule, text);
            if (score > top)
            {
                second = top;
                top = score;
                best = rule.Type;
            }
            else if (score > second)
            {
                second = score;
            }
        }

        return best is null
            ? (rules.FallbackType, rules.FallbackConfidence)
            : (best, Math.Round((double)top / (top + second + 1), 2));
    }

    private static int Score(TaskTypeRule rule, string text)
    {
        var score = 0;
        try
        {
            if (rule.Keywords is { } keywords)
            {
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (Match match in keywords.Matches(text))
                {
                    seen.Add(match.Value);
                }

                score += seen.Count;
            }

            foreach (var pattern in rule.Patterns)
            {
                score += pattern.Count(text) > 0 ? TaskTypeRule.PatternWeight : 0;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A configured pattern that runs away scores nothing rather than stalling the agent's correlator.
        }

        return score;
    }
}
