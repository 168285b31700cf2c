using Observer.Contracts.Signals;

namespace Observer.Actors.Tasks;

/// <summary>What handling a call or a tick decided: the new state, the call stamped with its task id, and closed tasks.</summary>
/// <param name="State">The state after the decision.</param>
/// <param name="Call">The handled call with <c>task_id</c> set, or null for a tick.</param>
/// <param name="ClosedTasks">Task signals of the tasks that closed, in closing order.</param>
public sealed record CorrelationResult(TaskCorrelationState State, AiCallSignal? Call, IReadOnlyList<TaskSignal> ClosedTasks)
{
    /// <summary>The signals to ship: the call first (a task it closed must not arrive before it), then closed tasks.</summary>
    public IReadOnlyList<Signal> Signals()
    {
        var signals = new List<Signal>(ClosedTasks.Count + 1);
        if (Call is not null)
        {
            signals.Add(Call);
        }

        signals.AddRange(ClosedTasks);
        return signals;
    }
}
