using Observer.Actors.Cluster;
using Observer.Actors.Serialization;
using Observer.Providers.Detection;

namespace Observer.Actors.Tasks;

/// <summary>Messages to the task-correlation entity of an agent.</summary>
public static class TaskCorrelationCommands
{
    /// <summary>Group a detected call into a task, stamp its task id and ship it.</summary>
    /// <param name="Call">The detected call.</param>
    /// <param name="ReportToSender">Answer the sender with <see cref="TaskCorrelationReplies.CallCorrelated"/> (for session recording).</param>
    public sealed record CorrelateCall(DetectedCall Call, bool ReportToSender = false) : IWithAgentId, IClusterMessage
    {
        public string AgentId => Call.Signal.AgentId;
    }

    /// <summary>Ask for the agent's open tasks; answered with <see cref="TaskCorrelationReplies.OpenTasks"/>.</summary>
    public sealed record GetOpenTasks(string AgentId) : IWithAgentId, IClusterMessage;

    /// <summary>Close (and ship) every open task of the agent now; answered with <see cref="TaskCorrelationReplies.TasksClosed"/>.</summary>
    public sealed record CloseAllTasks(string AgentId) : IWithAgentId, IClusterMessage;
}

/// <summary>Answers of the task-correlation entity.</summary>
public static class TaskCorrelationReplies
{
    /// <summary>The open tasks of an agent and the cluster node its entity lives on.</summary>
    public sealed record OpenTasks(string AgentId, string Node, IReadOnlyList<OpenTaskSummary> Tasks) : IClusterMessage;

    public sealed record OpenTaskSummary(string TaskId, string Correlation, int CallCount, IReadOnlyList<string> CallIds);

    public sealed record TasksClosed(string AgentId, int Count) : IClusterMessage;

    /// <summary>The task a call was grouped into; suppressed as a dead letter when its session already stopped.</summary>
    public sealed record CallCorrelated(string SessionId, string CallId, string? TaskId) : IClusterMessage, Akka.Event.IDeadLetterSuppression;
}

/// <summary>Registry key of the task-correlation shard region.</summary>
public sealed class TaskCorrelationRegionKey;
