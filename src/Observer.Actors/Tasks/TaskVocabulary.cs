namespace Observer.Actors.Tasks;

/// <summary>Values of the task signal's <c>correlation</c> field (SIGNALS.md), strongest evidence first.</summary>
public static class TaskCorrelations
{
    public const string Explicit = "explicit";
    public const string Conversation = "conversation";
    public const string ToolChain = "tool_chain";
    public const string Pipeline = "pipeline";
    public const string TimeWindow = "time_window";

    /// <summary>Lower is stronger; a task reports the strongest evidence that joined any of its calls.</summary>
    public static int Strength(string correlation) => correlation switch
    {
        Explicit => 0,
        Conversation => 1,
        ToolChain => 2,
        Pipeline => 3,
        _ => 4,
    };
}

/// <summary>Values of the task signal's <c>status</c> field.</summary>
public static class TaskStatuses
{
    public const string Completed = "completed";
    public const string TimedOut = "timed_out";
}

/// <summary>Values of the task signal's <c>outcome</c> field.</summary>
public static class TaskOutcomes
{
    public const string Success = "success";
    public const string Partial = "partial";
    public const string Failure = "failure";
    public const string Unknown = "unknown";
}
