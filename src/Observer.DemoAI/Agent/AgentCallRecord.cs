namespace Observer.DemoAI.Agent;

/// <summary>One request the agent made: which task, what, the outcome, and whether that outcome was the scripted one.</summary>
public sealed record AgentCallRecord(
    int Round, string Task, string Method, string Url, int Status, double ElapsedMs, string Note, bool AsExpected, string? TaskIdHeader);

/// <summary>What a run of the agent did.</summary>
public sealed record DemoAgentReport(IReadOnlyList<AgentCallRecord> Calls)
{
    public bool AllAsExpected => Calls.Count > 0 && Calls.All(c => c.AsExpected);
}
