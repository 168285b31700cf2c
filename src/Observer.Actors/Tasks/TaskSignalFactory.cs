using Observer.Actors.Tasks.Rules;
using Observer.Contracts.Signals;

namespace Observer.Actors.Tasks;

/// <summary>Turns closed tasks into <c>task</c> signals (SIGNALS.md): type, outcome, sums and distinct lists.</summary>
public static class TaskSignalFactory
{
    public static IReadOnlyList<TaskSignal> Create(IReadOnlyList<OpenTask> closed, IReadOnlyList<string> statuses, TaskRules rules)
    {
        if (closed.Count == 0)
        {
            return [];
        }

        var signals = new TaskSignal[closed.Count];
        for (var i = 0; i < closed.Count; i++)
        {
            signals[i] = Create(closed[i], statuses[i], rules);
        }

        return signals;
    }

    public static TaskSignal Create(OpenTask task, string status, TaskRules rules)
    {
        var (type, confidence) = TaskTypeClassifier.Classify(task, rules);
        var ended = task.LastEndAt > task.StartedAt ? task.LastEndAt : task.StartedAt;
        return new TaskSignal
        {
            Id = task.Id,
            CustomerId = task.CustomerId,
            AgentId = task.AgentId,
            Timestamp = task.StartedAt,
            TaskType = type,
            TaskTypeConfidence = confidence,
            Correlation = task.Correlation,
            Status = status,
            Outcome = OutcomeEvaluator.Evaluate(task, rules),
            StartedAt = task.StartedAt,
            EndedAt = ended,
            DurationMs = Math.Round((ended - task.StartedAt).TotalMilliseconds, 3),
            CallCount = task.CallCount,
            ErrorCount = task.ErrorCount,
            CallIds = [.. task.CallIds.Take(TaskSignal.MaxCallIds)],
            Providers = [.. task.Providers],
            Models = [.. task.Models],
            Usage = task.Usage,
            CostUsd = task.CostUsd,
        };
    }
}
