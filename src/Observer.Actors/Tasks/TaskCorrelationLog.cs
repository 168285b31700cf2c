using Microsoft.Extensions.Logging;

namespace Observer.Actors.Tasks;

/// <summary>Log events of task correlation (event ids 5040–5059).</summary>
internal static partial class TaskCorrelationLog
{
    [LoggerMessage(EventId = 5040, Level = LogLevel.Error, Message = "Task correlation of call {CallId} for agent {AgentId} failed; the call is shipped without a task and the agent's open tasks are kept")]
    public static partial void CorrelationFailed(ILogger logger, string callId, string agentId, Exception exception);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Warning, Message = "No signal shipper is registered on this node: {Count} signals of agent {AgentId} were dropped")]
    public static partial void NoShipper(ILogger logger, int count, string agentId);
}
