using Observer.Actors.Tasks.Rules;
using Observer.Contracts.Signals;

namespace Observer.Actors.Tasks;

/// <summary>How calls are grouped into tasks and how much an open task may hold (memory bounds per agent).</summary>
public sealed record TaskCorrelationSettings
{
    public static TaskCorrelationSettings Default { get; } = new();

    /// <summary>A task with no call for this long closes (<c>--task-idle-gap</c>).</summary>
    public TimeSpan IdleGap { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A task open this long closes with status <c>timed_out</c> (<c>--task-max-duration</c>).</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Speech-to-text → LLM → text-to-speech calls closer than this belong to one voice turn.</summary>
    public TimeSpan PipelineTurnGap { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Open tasks kept per agent; past it the least recently active task closes.</summary>
    public int MaxOpenTasks { get; init; } = 256;

    /// <summary>Call ids kept per task (the contract's cap).</summary>
    public int MaxCallIds { get; init; } = TaskSignal.MaxCallIds;

    /// <summary>Conversation fingerprints, tool call ids, response ids and trace ids kept per task (oldest dropped).</summary>
    public int MaxFingerprints { get; init; } = 128;

    /// <summary>Characters of classification text kept per task.</summary>
    public int MaxClassificationChars { get; init; } = 2000;

    public TaskRules Rules { get; init; } = TaskRules.Default;
}
